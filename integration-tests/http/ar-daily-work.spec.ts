// The AR daily work (issue 17): payments received and their allocation, any
// credit applied to any open order, write-offs, payment reversals.
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ACCOUNTING_MODULE } from "../../src/modules/accounting"
import type AccountingModuleService from "../../src/modules/accounting/service"
import { AdminHeaders, createAdmin, refused } from "../helpers/admin"
import { injectToday } from "../helpers/clock"
import { expectArTiesOut, glLines } from "../helpers/ledger"
import { orderSnapshot, syncSnapshot } from "../helpers/orders"

jest.setTimeout(240_000)

const TODAY = injectToday("2031-12-31")

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let container: MedusaContainer
    let admin: AdminHeaders
    const knex = () => dbConnection as any
    const accounting = () => container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    let seq = 0
    const uid = (p: string) => `${p}_${++seq}_${Date.now()}`

    beforeAll(async () => {
      container = getContainer()
    })
    beforeEach(async () => {
      admin = await createAdmin(container, { email: `${uid("a")}@example.com`, permissions: ["*"] })
    })

    /** An order the ledger knows (placed on `date`), nothing paid. */
    const order = async (customer_id: string, total: string, date: string, currency_code = "usd") => {
      const id = uid("order")
      await syncSnapshot(container, orderSnapshot({ id, customer_id, currency_code, total, date }))
      return id
    }
    const openOf = async (orderId: string) => {
      const { rows } = await knex().raw(
        `select coalesce(sum(open_amount), 0)::text as open from accounting_ar_document
          where order_id = ? and sign = 1 and void_date is null`,
        [orderId]
      )
      return rows[0].open
    }
    const count = async (table: string) =>
      Number((await knex().raw(`select count(*)::int as n from ${table}`)).rows[0].n)
    const pay = (body: Record<string, unknown>) => api.post("/admin/received-payments", body, admin)

    it("records a payment across open orders oldest due first and keeps the rest as a credit", async () => {
      const customer = uid("cus")
      const later = await order(customer, "100.00", "2031-01-10")
      const older = await order(customer, "50.25", "2031-01-05")
      const { data } = await pay({
        customer_id: customer,
        currency_code: "usd",
        date: "2031-02-01",
        method: "check",
        reference: "CHK 1042",
        amount: "200",
      })
      expect(data.payment).toMatchObject({
        number: expect.stringMatching(/^PMT-\d{5}$/),
        status: "posted",
        amount: "200.00",
        unapplied_amount: "49.75",
      })
      expect(data.payment.applications).toEqual([
        expect.objectContaining({ id: data.application_id, amount: "150.25", unapplied_date: null }),
      ])
      expect(await openOf(older)).toBe("0")
      expect(await openOf(later)).toBe("0")
      expect(await glLines(knex(), "received_payment", data.payment.id)).toEqual([
        ["1000", "200", "0"],
        ["1100", "0", "200"],
      ])

      // The unapplied 49.75 is a credit: apply it to a new order, partly, then unapply it.
      const next = await order(customer, "80.00", "2031-02-10")
      const credits = (await api.get(`/admin/customers/${customer}/applications`, admin)).data.credits
      const credit = credits.find((c: any) => c.document_number === data.payment.number)
      expect(credit).toMatchObject({ source_type: "overpayment", remaining_amount: "49.75" })
      const applied = await api.post(
        `/admin/customers/${customer}/applications`,
        { credit_document_id: credit.ar_document_id, order_id: next, amount: "40", date: "2031-02-10" },
        admin
      )
      expect(await openOf(next)).toBe("40")
      expect(applied.data.open_orders).toEqual([expect.objectContaining({ order_id: next, open_amount: "40.00" })])
      const tooMuch = await refused(
        api.post(
          `/admin/customers/${customer}/applications`,
          { credit_document_id: credit.ar_document_id, order_id: next, amount: "9.76", date: "2031-02-10" },
          admin
        )
      )
      expect(tooMuch).toMatchObject({ status: 422, data: { code: "APPLICATION_EXCEEDS_OPEN" } })
      await api.delete(
        `/admin/customers/${customer}/applications/${applied.data.application_id}?date=2031-02-11`,
        admin
      )
      expect(await openOf(next)).toBe("80")
      await expectArTiesOut(knex())
    })

    it("allocates by hand, partly, and refuses allocations above the order or the payment, writing nothing", async () => {
      const customer = uid("cus")
      const a = await order(customer, "30.00", "2031-03-01")
      const b = await order(customer, "70.00", "2031-03-02")
      const before = await count("accounting_received_payment")
      const base = { customer_id: customer, currency_code: "usd", date: "2031-03-05", method: "eft", amount: "60" }

      const aboveOrder = await refused(pay({ ...base, allocations: [{ order_id: a, amount: "30.01" }] }))
      expect(aboveOrder).toMatchObject({ status: 422, data: { code: "APPLICATION_EXCEEDS_OPEN" } })
      const abovePayment = await refused(
        pay({ ...base, allocations: [{ order_id: a, amount: "30" }, { order_id: b, amount: "30.01" }] })
      )
      expect(abovePayment).toMatchObject({ status: 422, data: { code: "ALLOCATION_EXCEEDS_PAYMENT" } })
      const unmapped = await refused(pay({ ...base, method: "wire_abroad" }))
      expect(unmapped).toMatchObject({ status: 422, data: { code: "ACCOUNT_NOT_MAPPED" } })
      const badInput = await refused(pay({ ...base, amount: "60.001" }))
      expect(badInput.status).toBe(400)
      const otherCurrency = await refused(
        pay({ ...base, currency_code: "eur", allocations: [{ order_id: a, amount: "10" }] })
      )
      expect(otherCurrency).toMatchObject({ status: 422, data: { code: "CURRENCY_MISMATCH" } })
      expect(await count("accounting_received_payment")).toBe(before)
      expect(await openOf(a)).toBe("30")

      const { data } = await pay({ ...base, allocations: [{ order_id: b, amount: "25.50" }] })
      expect(data.payment.unapplied_amount).toBe("34.50")
      expect(await openOf(b)).toBe("44.5")
      expect(await openOf(a)).toBe("30")
    })

    it("records a payment once when the same request is retried with its Idempotency-Key, also concurrently", async () => {
      const customer = uid("cus")
      const a = await order(customer, "80.00", "2031-03-01")
      const before = await count("accounting_received_payment")
      const body = { customer_id: customer, currency_code: "usd", date: "2031-03-05", method: "eft", amount: "50" }
      const headers = { headers: { ...admin.headers, "Idempotency-Key": uid("key") } }
      const answers = await Promise.all([1, 2, 3].map(() => api.post("/admin/received-payments", body, headers)))
      expect(new Set(answers.map((r) => r.data.payment.number)).size).toBe(1)
      expect(await count("accounting_received_payment")).toBe(before + 1)
      expect(await openOf(a)).toBe("30")
      const reused = await refused(api.post("/admin/received-payments", { ...body, amount: "51" }, headers))
      expect(reused).toMatchObject({ status: 409, data: { code: "IDEMPOTENCY_CONFLICT" } })
    })

    it("reverses a bounced payment: the orders owe again, the GL mirrors it, the reason is kept", async () => {
      const customer = uid("cus")
      const o = await order(customer, "120.00", "2031-04-01")
      const { data } = await pay({
        customer_id: customer,
        currency_code: "usd",
        date: "2031-04-10",
        method: "check",
        amount: "120",
      })
      const id = data.payment.id
      expect(await openOf(o)).toBe("0")

      const early = await refused(
        api.post(`/admin/received-payments/${id}/reverse`, { date: "2031-04-09", kind: "bounced", reason: "NSF" }, admin)
      )
      expect(early).toMatchObject({ status: 422, data: { code: "DATE_BEFORE_ORIGINAL" } })
      const noReason = await refused(
        api.post(`/admin/received-payments/${id}/reverse`, { date: "2031-04-20", kind: "bounced" }, admin)
      )
      expect(noReason.status).toBe(400)

      const reversed = await api.post(
        `/admin/received-payments/${id}/reverse`,
        { date: "2031-04-20", kind: "bounced", reason: "Returned NSF by the bank" },
        admin
      )
      expect(reversed.data.payment).toMatchObject({
        status: "reversed",
        reversal_date: "2031-04-20",
        reversal_kind: "bounced",
        reversal_reason: "Returned NSF by the bank",
        unapplied_amount: "0.00",
      })
      expect(await openOf(o)).toBe("120")
      expect(await glLines(knex(), "received_payment", id)).toEqual([
        ["1000", "120", "0"],
        ["1100", "0", "120"],
        ["1000", "0", "120"],
        ["1100", "120", "0"],
      ])
      const again = await refused(
        api.post(`/admin/received-payments/${id}/reverse`, { date: "2031-04-21", kind: "error", reason: "x" }, admin)
      )
      expect(again).toMatchObject({ status: 409, data: { code: "ALREADY_REVERSED" } })

      // The database refuses edits and deletes of a posted payment, whoever asks.
      await expect(
        knex().raw(`update accounting_received_payment set amount = 1 where id = ?`, [id])
      ).rejects.toThrow(/IMMUTABLE/)
      await expect(knex().raw(`delete from accounting_received_payment where id = ?`, [id])).rejects.toThrow(
        /IMMUTABLE/
      )
      const list = await api.get(`/admin/received-payments?customer_id=${customer}&status=reversed`, admin)
      expect(list.data.payments.map((p: any) => p.id)).toEqual([id])
      await expectArTiesOut(knex())
    })

    it("posts a payment Medusa recorded itself once, whichever side records it first", async () => {
      const customer = uid("cus")
      const orderId = uid("order")
      const paymentId = `pay_${orderId}`
      const snapshot = (captured: boolean) =>
        orderSnapshot({
          id: orderId,
          customer_id: customer,
          currency_code: "usd",
          total: "75.00",
          date: "2031-05-01",
          payments: [
            {
              id: paymentId,
              provider_id: "pp_system_default",
              captures: captured ? [{ id: `capt_${orderId}`, amount: "75.00", date: "2031-05-03" }] : [],
              refunds: [],
            },
          ],
        })
      await syncSnapshot(container, snapshot(false))
      const medusa_payment = { id: paymentId, order_id: orderId, currency_code: "usd", capture_ids: [] }
      const { id } = await accounting().recordReceivedPayment(
        {
          customer_id: customer,
          currency_code: "usd",
          payment_date: "2031-05-03",
          method: "eft",
          amount: "75",
          medusa_payment_id: paymentId,
        },
        { medusa_payment }
      )
      // Medusa's "mark as paid" capture arrives (twice): nothing more is posted.
      await syncSnapshot(container, snapshot(true))
      await syncSnapshot(container, snapshot(true))
      const { rows } = await knex().raw(
        `select doc_type from accounting_ar_document where customer_id = ? and sign = -1`,
        [customer]
      )
      expect(rows.map((r: any) => r.doc_type)).toEqual(["received_payment"])
      expect(await openOf(orderId)).toBe("0")
      await expect(
        accounting().recordReceivedPayment(
          { customer_id: customer, currency_code: "usd", payment_date: "2031-05-04", method: "eft", amount: "75", medusa_payment_id: paymentId },
          { medusa_payment: { ...medusa_payment, capture_ids: [`capt_${orderId}`] } }
        )
      ).rejects.toMatchObject({ code: "PAYMENT_ALREADY_POSTED" })
      expect(id).toMatch(/^rpay_/)

      // The other way round: the capture was posted first, a payment claiming it is refused.
      const other = uid("order")
      await syncSnapshot(container, {
        ...orderSnapshot({ id: other, customer_id: customer, currency_code: "usd", total: "10", date: "2031-05-01" }),
        payments: [
          { id: `pay_${other}`, provider_id: "pp_system_default", captures: [{ id: `capt_${other}`, amount: "10", date: "2031-05-02" }], refunds: [] },
        ],
      })
      await expect(
        accounting().recordReceivedPayment(
          { customer_id: customer, currency_code: "usd", payment_date: "2031-05-04", method: "eft", amount: "10", medusa_payment_id: `pay_${other}` },
          { medusa_payment: { id: `pay_${other}`, order_id: other, currency_code: "usd", capture_ids: [`capt_${other}`] } }
        )
      ).rejects.toMatchObject({ code: "PAYMENT_ALREADY_POSTED" })
      await expectArTiesOut(knex())
    })

    it("writes off a balance to Bad Debt, refuses more than the balance, voids it, and writes off small balances in bulk", async () => {
      const customer = uid("cus")
      const o = await order(customer, "30.03", "2031-06-01")
      const above = await refused(
        api.post(
          "/admin/write-offs",
          { order_id: o, amount: "30.04", date: "2031-06-30", reason_code: "bad_debt" },
          admin
        )
      )
      expect(above).toMatchObject({ status: 422, data: { code: "WRITE_OFF_EXCEEDS_BALANCE" } })
      const { data } = await api.post(
        "/admin/write-offs",
        { order_id: o, date: "2031-06-30", reason_code: "bad_debt", memo: "Customer insolvent" },
        admin
      )
      const id = data.write_off.id
      expect(data.write_off).toMatchObject({
        number: expect.stringMatching(/^WO-\d{5}$/),
        status: "posted",
        amount: "30.03",
        reason_code: "bad_debt",
      })
      expect(await openOf(o)).toBe("0")
      const nothing = await refused(
        api.post("/admin/write-offs", { order_id: o, date: "2031-06-30", reason_code: "bad_debt" }, admin)
      )
      expect(nothing).toMatchObject({ status: 422, data: { code: "NOTHING_TO_WRITE_OFF" } })
      await expect(knex().raw(`update accounting_write_off set amount = 1 where id = ?`, [id])).rejects.toThrow(
        /IMMUTABLE/
      )

      const voided = await api.post(`/admin/write-offs/${id}/void`, { date: "2031-07-01", reason: "Paid after all" }, admin)
      expect(voided.data.write_off).toMatchObject({ status: "voided", void_date: "2031-07-01" })
      expect(await openOf(o)).toBe("30.03")
      expect(await glLines(knex(), "write_off", id)).toEqual([
        ["6100", "30.03", "0"],
        ["1100", "0", "30.03"],
        ["6100", "0", "30.03"],
        ["1100", "30.03", "0"],
      ])

      // Bulk: only the orders of this currency owing more than 0 and at most the threshold.
      const small1 = await order(customer, "0.03", "2031-06-02", "eur")
      const small2 = await order(customer, "0.99", "2031-06-03", "eur")
      const big = await order(customer, "5.00", "2031-06-04", "eur")
      const bulk = await api.post(
        "/admin/write-offs/bulk",
        { currency_code: "eur", threshold: "1", date: "2031-07-01", reason_code: "small_balance", customer_id: customer },
        admin
      )
      expect(bulk.data.write_offs.map((w: any) => [w.order_id, w.amount]).sort()).toEqual(
        [
          [small1, "0.03"],
          [small2, "0.99"],
        ].sort()
      )
      expect(await openOf(big)).toBe("5")
      const listed = await api.get(`/admin/write-offs?batch_id=${bulk.data.batch_id}`, admin)
      expect(listed.data.count).toBe(2)

      // Write-offs show in the customer's aging like any credit that settled the order.
      const aging = await api.get(
        `/admin/accounting/reports/ar-aging?as_of=2031-07-01&detail=true&customer_id=${customer}`,
        admin
      )
      const types = aging.data.sections.flatMap((s: any) => s.rows.map((r: any) => r.type))
      expect(types).toContain("Order")
      await expectArTiesOut(knex())
    })

    it("keeps an internal memo's legal credit-note number, searchable", async () => {
      const customer = uid("cus")
      const id = await accounting().createCreditMemo({
        customer_id: customer,
        currency_code: "usd",
        memo_date: "2031-08-01",
        reason: "Goodwill",
        internal: true,
        legal_number: `FAC-AV-${seq}`,
        lines: [{ kind: "adjustment", description: "Goodwill", amount: "12.00" }],
      })
      await accounting().issueCreditMemo(id)
      const { data } = await api.get(`/admin/credit-memos?q=FAC-AV-${seq}`, admin)
      expect(data.credit_memos).toEqual([
        expect.objectContaining({ id, internal: true, legal_number: `FAC-AV-${seq}`, status: "issued" }),
      ])
    })

    it("records the legal credit-note number once after issue, and nothing else of the memo changes", async () => {
      const id = await accounting().createCreditMemo({
        customer_id: uid("cus"),
        currency_code: "usd",
        memo_date: "2031-08-01",
        reason: "Goodwill",
        internal: true,
        lines: [{ kind: "adjustment", description: "Goodwill", amount: "12.00" }],
      })
      const draft = await refused(api.post(`/admin/credit-memos/${id}/legal-number`, { legal_number: "AV-1" }, admin))
      expect(draft).toMatchObject({ status: 409, data: { code: "NOT_ISSUED" } })
      await accounting().issueCreditMemo(id)
      const blank = await refused(api.post(`/admin/credit-memos/${id}/legal-number`, { legal_number: " " }, admin))
      expect(blank.status).toBe(400)
      const legal = `FAC-AV-9${seq}`
      const { data } = await api.post(`/admin/credit-memos/${id}/legal-number`, { legal_number: legal }, admin)
      expect(data.credit_memo).toMatchObject({ id, status: "issued", legal_number: legal, total: "12.00" })
      // The same number again is harmless; another one is refused and changes nothing.
      await api.post(`/admin/credit-memos/${id}/legal-number`, { legal_number: legal }, admin)
      const other = await refused(api.post(`/admin/credit-memos/${id}/legal-number`, { legal_number: "X-2" }, admin))
      expect(other).toMatchObject({ status: 409, data: { code: "LEGAL_NUMBER_SET" } })
      expect(other.data.message).toContain(legal)
      expect((await api.get(`/admin/credit-memos?q=${legal}`, admin)).data.credit_memos).toEqual([
        expect.objectContaining({ id, legal_number: legal }),
      ])
      const audit = (
        await knex().raw(
          `select before, after from accounting_audit_event where entity_id = ? and action = 'record_legal_number'`,
          [id]
        )
      ).rows
      expect(audit).toEqual([{ before: { legal_number: null }, after: { legal_number: legal } }])
      // The database lets that one column be set once, from empty, and nothing else.
      await expect(
        knex().raw(`update accounting_credit_memo set legal_number = 'X-3' where id = ?`, [id])
      ).rejects.toThrow(/IMMUTABLE/)
      await expect(
        knex().raw(`update accounting_credit_memo set legal_number = null, reason = 'edited' where id = ?`, [id])
      ).rejects.toThrow(/IMMUTABLE/)
    })

    it("asks for the payments and write-off permissions", async () => {
      const clerk = await createAdmin(container, {
        email: `${uid("clerk")}@example.com`,
        permissions: ["payments:create", "writeoffs:list"],
      })
      const denied = await refused(
        api.post(
          "/admin/received-payments",
          { customer_id: "cus_x", currency_code: "usd", date: TODAY, method: "check", amount: "1.00" },
          clerk
        )
      )
      expect(denied).toMatchObject({ status: 403, data: { code: "PERMISSION_DENIED" } })
      const noWriteOff = await refused(
        api.post("/admin/write-offs", { order_id: "order_x", date: TODAY, reason_code: "bad_debt" }, clerk)
      )
      expect(noWriteOff.status).toBe(403)
      expect((await api.get("/admin/write-offs", clerk)).status).toBe(200)
    })
  },
})
