// Customer deposits and advances (issue 17 part 8): taken before an order
// (Dr the method's account / Cr Customer Advances 2300), applied to an order
// (Dr 2300 / Cr AR 1100), paid back (Dr 2300 / Cr the method's account),
// voided while nothing stands on them.
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { AdminHeaders, createAdmin, refused } from "../helpers/admin"
import { injectToday } from "../helpers/clock"
import { expectArTiesOut, glLines } from "../helpers/ledger"
import { orderSnapshot, syncSnapshot } from "../helpers/orders"
import { applyCustomerDepositWorkflow, recordCustomerDepositWorkflow } from "../../src/workflows/customer-deposits"

jest.setTimeout(240_000)

const TODAY = injectToday("2031-12-31")

// Fault injection: before anything is written (a deposit referenced HOOK-FAIL), and after an
// application is posted (an application of exactly 13.13).
recordCustomerDepositWorkflow.hooks.customerDepositValidated(async ({ input }) => {
  if (input.deposit.reference === "HOOK-FAIL") {
    throw new Error("injected failure before posting")
  }
})
applyCustomerDepositWorkflow.hooks.customerDepositApplied(async ({ input }) => {
  if (String(input.amount) === "13.13") {
    throw new Error("injected failure after posting")
  }
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let container: MedusaContainer
    let admin: AdminHeaders
    const knex = () => dbConnection as any
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
    const TABLES = [
      "accounting_customer_deposit",
      "accounting_customer_deposit_application",
      "accounting_customer_deposit_refund",
      "accounting_journal_entry",
      "accounting_journal_line",
      "accounting_ar_document",
      "accounting_ar_application",
    ]
    const counts = async () => Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await count(t)])))

    const record = (body: Record<string, unknown>, headers: AdminHeaders = admin) =>
      api.post("/admin/customer-deposits", body, headers)
    const deposit = async (customer_id: string, amount: string, date: string, extra: Record<string, unknown> = {}) =>
      (await record({ customer_id, currency_code: "usd", date, method: "check", amount, ...extra })).data.deposit
    const apply = (id: string, body: Record<string, unknown>, headers: AdminHeaders = admin) =>
      api.post(`/admin/customer-deposits/${id}/applications`, body, headers)
    const refund = (id: string, body: Record<string, unknown>, headers: AdminHeaders = admin) =>
      api.post(`/admin/customer-deposits/${id}/refund`, body, headers)

    it("records a deposit, applies it to an order and refunds the rest, each with its exact GL lines", async () => {
      const customer = uid("cus")
      const o = await order(customer, "150.00", "2031-03-01")
      const { data } = await record({
        customer_id: customer,
        currency_code: "usd",
        date: "2031-02-15",
        method: "card",
        reference: "AUTH 7781",
        amount: "200",
      })
      const dep = data.deposit
      expect(dep).toMatchObject({
        number: expect.stringMatching(/^DEP-\d{5}$/),
        status: "posted",
        customer_id: customer,
        currency_code: "usd",
        deposit_date: "2031-02-15",
        reference: "AUTH 7781",
        amount: "200.00",
        applied_amount: "0.00",
        refunded_amount: "0.00",
        remaining_amount: "200.00",
        applications: [],
        refunds: [],
      })
      // Dr Credit Card Clearing 1210 (the card method's account) / Cr Customer Advances 2300.
      expect(await glLines(knex(), "customer_deposit", dep.id)).toEqual([
        ["1210", "200", "0"],
        ["2300", "0", "200"],
      ])
      // The deposit is not a receivable: the order still owes all of it.
      expect(await openOf(o)).toBe("150")
      await expectArTiesOut(knex())

      const applied = await apply(dep.id, { order_id: o, amount: "150.00", date: "2031-03-05" })
      expect(applied.data.deposit).toMatchObject({
        status: "posted",
        applied_amount: "150.00",
        remaining_amount: "50.00",
        applications: [
          expect.objectContaining({ id: applied.data.application_id, order_id: o, amount: "150.00", unapplied_date: null }),
        ],
      })
      // Dr Customer Advances 2300 / Cr Accounts Receivable 1100.
      expect(await glLines(knex(), "customer_deposit_application", applied.data.application_id)).toEqual([
        ["2300", "150", "0"],
        ["1100", "0", "150"],
      ])
      // The order is settled like a payment settles it: open amount, open orders and aging.
      expect(await openOf(o)).toBe("0")
      const openOrders = (await api.get(`/admin/customers/${customer}/open-orders`, admin)).data.open_orders
      expect(openOrders.map((r: any) => r.order_id)).not.toContain(o)
      const aging = await api.get(
        `/admin/accounting/reports/ar-aging?as_of=2031-03-31&detail=true&customer_id=${customer}`,
        admin
      )
      const agingRows = aging.data.sections.flatMap((s: any) => s.rows).filter((r: any) => r.document_id)
      expect(agingRows).toEqual([])
      await expectArTiesOut(knex())

      // Reconciliation: what the deposits still hold equals the Customer Advances balance.
      const recon = (await api.get(`/admin/accounting/reports/reconciliation?as_of=2031-03-05&currency_code=usd`, admin)).data
      const held = recon.sections.find((x: any) => x.name === "Customer deposits vs Customer Advances")
      expect(held.totals).toEqual([
        expect.objectContaining({ check: "Deposits held vs Customer Advances", expected: "50.00", actual: "50.00" }),
      ])

      const refunded = await refund(dep.id, { amount: "50", method: "check", date: "2031-03-10", reference: "CHK 501" })
      expect(refunded.data.deposit).toMatchObject({
        status: "refunded",
        applied_amount: "150.00",
        refunded_amount: "50.00",
        remaining_amount: "0.00",
        refunds: [expect.objectContaining({ id: refunded.data.refund_id, amount: "50.00", method: "check" })],
      })
      // Dr Customer Advances 2300 / Cr Bank 1000 (the check method's account).
      expect(await glLines(knex(), "customer_deposit_refund", refunded.data.refund_id)).toEqual([
        ["2300", "50", "0"],
        ["1000", "0", "50"],
      ])
      const nothingLeft = await refused(refund(dep.id, { amount: "0.01", method: "check", date: "2031-03-10" }))
      expect(nothingLeft).toMatchObject({ status: 422, data: { code: "REFUND_EXCEEDS_DEPOSIT" } })
      await expectArTiesOut(knex())

      const listed = await api.get(`/admin/customer-deposits?customer_id=${customer}`, admin)
      expect(listed.data).toMatchObject({ count: 1, deposits: [expect.objectContaining({ id: dep.id, status: "refunded" })] })
    })

    it("unapplies an application: the order owes again, the deposit holds it again, the entry is mirrored", async () => {
      const customer = uid("cus")
      const o = await order(customer, "100.00", "2031-04-01")
      const dep = await deposit(customer, "60.00", "2031-03-20")
      const { data } = await apply(dep.id, { order_id: o, amount: "40.25", date: "2031-04-02" })
      expect(await openOf(o)).toBe("59.75")

      // The generic customer-credit unapply would leave Customer Advances out of step: refused.
      const arApplication = (
        await knex().raw(
          `select a.id from accounting_ar_application a join accounting_customer_deposit_application d
             on d.ar_document_id = a.credit_document_id where d.id = ?`,
          [data.application_id]
        )
      ).rows[0].id
      const generic = await refused(
        api.delete(`/admin/customers/${customer}/applications/${arApplication}?date=2031-04-03`, admin)
      )
      expect(generic.data.code).toBe("APPLIED_FROM_DEPOSIT")

      const undone = await api.post(
        `/admin/customer-deposits/${dep.id}/applications/${data.application_id}/unapply`,
        { date: "2031-04-05" },
        admin
      )
      expect(undone.data.deposit).toMatchObject({
        status: "posted",
        applied_amount: "0.00",
        remaining_amount: "60.00",
        applications: [expect.objectContaining({ id: data.application_id, unapplied_date: "2031-04-05" })],
      })
      expect(await openOf(o)).toBe("100")
      expect(await glLines(knex(), "customer_deposit_application", data.application_id)).toEqual([
        ["2300", "40.25", "0"],
        ["1100", "0", "40.25"],
        // The mirror, line for line: Cr Customer Advances / Dr AR.
        ["2300", "0", "40.25"],
        ["1100", "40.25", "0"],
      ])
      const again = await refused(
        api.post(`/admin/customer-deposits/${dep.id}/applications/${data.application_id}/unapply`, { date: "2031-04-05" }, admin)
      )
      expect(again).toMatchObject({ status: 409, data: { code: "ALREADY_REVERSED" } })
      await expectArTiesOut(knex())
    })

    it("voids a deposit nothing stands on with a mirror entry, and refuses to void one in use", async () => {
      const customer = uid("cus")
      const o = await order(customer, "30.00", "2031-05-01")
      const used = await deposit(customer, "20.00", "2031-05-01")
      await apply(used.id, { order_id: o, amount: "10", date: "2031-05-02" })
      const inUse = await refused(api.post(`/admin/customer-deposits/${used.id}/void`, { date: "2031-05-03" }, admin))
      expect(inUse).toMatchObject({ status: 409, data: { code: "DEPOSIT_IN_USE" } })

      const wrong = await deposit(customer, "75.00", "2031-05-01", { method: "cash" })
      const before = await refused(api.post(`/admin/customer-deposits/${wrong.id}/void`, { date: "2031-04-30" }, admin))
      expect(before).toMatchObject({ status: 422, data: { code: "DATE_BEFORE_ORIGINAL" } })
      const { data } = await api.post(
        `/admin/customer-deposits/${wrong.id}/void`,
        { date: "2031-05-04", reason: "Entered twice" },
        admin
      )
      expect(data.deposit).toMatchObject({
        status: "voided",
        void_date: "2031-05-04",
        void_reason: "Entered twice",
        remaining_amount: "0.00",
      })
      // The posted entry stays as it was; its mirror is dated on the void date.
      expect(await glLines(knex(), "customer_deposit", wrong.id)).toEqual([
        ["1000", "75", "0"],
        ["2300", "0", "75"],
        ["1000", "0", "75"],
        ["2300", "75", "0"],
      ])
      const onVoided = await refused(apply(wrong.id, { order_id: o, amount: "1", date: "2031-05-05" }))
      expect(onVoided).toMatchObject({ status: 409, data: { code: "ALREADY_VOIDED" } })
      const twice = await refused(api.post(`/admin/customer-deposits/${wrong.id}/void`, { date: "2031-05-05" }, admin))
      expect(twice).toMatchObject({ status: 409, data: { code: "ALREADY_VOIDED" } })
    })

    it("refuses bad applications, refunds and deposits with a code and writes nothing", async () => {
      const customer = uid("cus")
      const usdOrder = await order(customer, "50.00", "2031-06-01")
      const eurOrder = await order(customer, "500.00", "2031-06-01", "eur")
      const otherOrder = await order(uid("cus"), "500.00", "2031-06-01")
      const dep = await deposit(customer, "80.00", "2031-06-01")
      const eurDep = (
        await record({ customer_id: customer, currency_code: "eur", date: "2031-06-01", method: "eft", amount: "90" })
      ).data.deposit
      const before = await counts()

      // Thunks: each request runs alone, so a refusal never lands in another assertion.
      const cases: [() => Promise<any>, number, string][] = [
        [() => apply(eurDep.id, { order_id: usdOrder, amount: "10", date: "2031-06-02" }), 422, "DEPOSIT_CURRENCY_MISMATCH"],
        [() => apply(dep.id, { order_id: eurOrder, amount: "10", date: "2031-06-02" }), 422, "DEPOSIT_CURRENCY_MISMATCH"],
        [() => apply(dep.id, { order_id: usdOrder, amount: "50.01", date: "2031-06-02" }), 422, "APPLICATION_EXCEEDS_OPEN"],
        [() => apply(dep.id, { order_id: otherOrder, amount: "10", date: "2031-06-02" }), 422, "CUSTOMER_MISMATCH"],
        [() => apply(dep.id, { order_id: usdOrder, amount: "10", date: "2031-05-31" }), 422, "DATE_BEFORE_ORIGINAL"],
        [() => apply(dep.id, { order_id: usdOrder, amount: "10.001", date: "2031-06-02" }), 422, "PRECISION_EXCEEDED"],
        [() => apply(dep.id, { order_id: "order_nowhere", amount: "10", date: "2031-06-02" }), 404, "NOT_FOUND"],
        [() => refund(dep.id, { amount: "80.01", method: "check", date: "2031-06-02" }), 422, "REFUND_EXCEEDS_DEPOSIT"],
        [() => refund(dep.id, { amount: "10", method: "card", date: "2031-06-02" }), 422, "DEPOSIT_METHOD_NOT_SUPPORTED"],
        [() => refund(dep.id, { amount: "10", method: "store_credit", date: "2031-06-02" }), 422, "DEPOSIT_METHOD_NOT_SUPPORTED"],
        [
          () => record({ customer_id: customer, currency_code: "usd", date: "2031-06-01", method: "store_credit", amount: "5" }),
          422,
          "DEPOSIT_METHOD_NOT_SUPPORTED",
        ],
        [
          () => record({ customer_id: customer, currency_code: "usd", date: "2031-06-01", method: "paypal", amount: "5" }),
          422,
          "ACCOUNT_NOT_MAPPED",
        ],
        [
          () => record({ customer_id: customer, currency_code: "usd", date: "2032-01-01", method: "check", amount: "5" }),
          422,
          "DATE_IN_FUTURE",
        ],
      ]
      for (const [call, status, code] of cases) {
        expect([code, await refused(call())]).toMatchObject([code, { status, data: { code } }])
      }
      expect(await counts()).toEqual(before)
      const zero = await refused(
        record({ customer_id: customer, currency_code: "usd", date: "2031-06-01", method: "check", amount: "0" })
      )
      expect(zero.status).toBe(400)
      const unknownField = await refused(apply(dep.id, { order_id: usdOrder, amount: "1", date: "2031-06-02", x: 1 }))
      expect(unknownField.status).toBe(400)

      // Once 60 of the deposit is applied elsewhere, 20 remains.
      const bigOrder = await order(customer, "500.00", "2031-06-01")
      await apply(dep.id, { order_id: bigOrder, amount: "60", date: "2031-06-02" })
      const afterOne = await counts()
      const tooMuch = await refused(apply(dep.id, { order_id: usdOrder, amount: "20.01", date: "2031-06-02" }))
      expect(tooMuch).toMatchObject({ status: 422, data: { code: "APPLICATION_EXCEEDS_DEPOSIT" } })
      expect(await counts()).toEqual(afterOne)

      expect(await openOf(usdOrder)).toBe("50")
      await expectArTiesOut(knex())
    })

    it("lets concurrent applications and refunds of one deposit consume it at most once", async () => {
      const customer = uid("cus")
      const a = await order(customer, "100.00", "2031-07-01")
      const b = await order(customer, "100.00", "2031-07-01")
      const dep = await deposit(customer, "100.00", "2031-07-01")
      const results = await Promise.allSettled([
        apply(dep.id, { order_id: a, amount: "70", date: "2031-07-02" }),
        apply(dep.id, { order_id: b, amount: "70", date: "2031-07-02" }),
        refund(dep.id, { amount: "70", method: "check", date: "2031-07-02" }),
      ])
      const ok = results.filter((r) => r.status === "fulfilled")
      const codes = results
        .filter((r): r is PromiseRejectedResult => r.status === "rejected")
        .map((r) => r.reason.response?.data?.code)
      expect(ok).toHaveLength(1)
      expect(codes.sort()).toEqual(
        expect.arrayContaining([expect.stringMatching(/^(APPLICATION_EXCEEDS_DEPOSIT|REFUND_EXCEEDS_DEPOSIT)$/)])
      )
      expect(codes).toHaveLength(2)
      const { data } = await api.get(`/admin/customer-deposits/${dep.id}`, admin)
      expect(data.deposit.remaining_amount).toBe("30.00")
      const { rows } = await knex().raw(
        `select (select count(*)::int from accounting_customer_deposit_application where deposit_id = :id) +
                (select count(*)::int from accounting_customer_deposit_refund where deposit_id = :id) as n`,
        { id: dep.id }
      )
      expect(rows[0].n).toBe(1)
      await expectArTiesOut(knex())
    })

    it("records a deposit and an application once when retried with the Idempotency-Key, also concurrently", async () => {
      const customer = uid("cus")
      const o = await order(customer, "90.00", "2031-08-01")
      const before = await count("accounting_customer_deposit")
      const body = { customer_id: customer, currency_code: "usd", date: "2031-08-01", method: "eft", amount: "50" }
      const headers = { headers: { ...admin.headers, "Idempotency-Key": uid("key") } }
      const answers = await Promise.all([1, 2, 3].map(() => record(body, headers)))
      expect(new Set(answers.map((r) => r.data.deposit.number)).size).toBe(1)
      expect(await count("accounting_customer_deposit")).toBe(before + 1)
      const reused = await refused(record({ ...body, amount: "51" }, headers))
      expect(reused).toMatchObject({ status: 409, data: { code: "IDEMPOTENCY_CONFLICT" } })

      const id = answers[0].data.deposit.id
      const applyHeaders = { headers: { ...admin.headers, "Idempotency-Key": uid("key") } }
      const applyBody = { order_id: o, amount: "20", date: "2031-08-02" }
      const first = await apply(id, applyBody, applyHeaders)
      const retry = await apply(id, applyBody, applyHeaders)
      expect(retry.data.application_id).toBe(first.data.application_id)
      expect(await openOf(o)).toBe("70")
      const refundHeaders = { headers: { ...admin.headers, "Idempotency-Key": uid("key") } }
      const refundBody = { amount: "5", method: "cash", date: "2031-08-03" }
      const r1 = await refund(id, refundBody, refundHeaders)
      const r2 = await refund(id, refundBody, refundHeaders)
      expect(r2.data.refund_id).toBe(r1.data.refund_id)
      expect(r2.data.deposit.remaining_amount).toBe("25.00")
    })

    it("has the database refuse applied beyond the amount, a changed amount and a deleted deposit", async () => {
      const customer = uid("cus")
      const dep = await deposit(customer, "40.00", "2031-09-01")
      const tryRaw = async (sql: string) => {
        try {
          await knex().raw(sql, { id: dep.id })
          return "accepted"
        } catch (e: any) {
          return e.message as string
        }
      }
      expect(
        await tryRaw(
          `update accounting_customer_deposit set applied_amount = 40.01,
             raw_applied_amount = '{"value":"40.01","precision":20}' where id = :id`
        )
      ).toMatch(/accounting_customer_deposit_amounts|check constraint/)
      expect(
        await tryRaw(
          `update accounting_customer_deposit set applied_amount = 30, refunded_amount = 10.01 where id = :id`
        )
      ).toMatch(/check constraint/)
      expect(await tryRaw(`update accounting_customer_deposit set amount = 400 where id = :id`)).toMatch(/IMMUTABLE/)
      expect(await tryRaw(`delete from accounting_customer_deposit where id = :id`)).toMatch(/IMMUTABLE/)
      expect(
        await tryRaw(
          `insert into accounting_customer_deposit (id, number, customer_id, currency_code, deposit_date, method,
             deposit_account_id, amount, raw_amount, applied_amount, raw_applied_amount, refunded_amount,
             raw_refunded_amount, journal_entry_id)
           values ('cdep_zero', 'DEP-X', 'c', 'usd', '2031-09-01', 'check', 'acct_1000', 0, '{"value":"0"}', 0,
             '{"value":"0"}', 0, '{"value":"0"}', 'je_x')`
        )
      ).toMatch(/check constraint/)
      const { data } = await api.get(`/admin/customer-deposits/${dep.id}`, admin)
      expect(data.deposit).toMatchObject({ amount: "40.00", applied_amount: "0.00", status: "posted" })
    })

    it("writes nothing when the workflow fails before posting, and takes an application back when it fails after", async () => {
      const customer = uid("cus")
      const o = await order(customer, "50.00", "2031-11-01")
      const before = await counts()
      const failed = await refused(
        record({ customer_id: customer, currency_code: "usd", date: "2031-11-01", method: "check", amount: "20", reference: "HOOK-FAIL" })
      )
      expect(failed.status).toBe(500)
      expect(await counts()).toEqual(before)

      const dep = await deposit(customer, "20.00", "2031-11-01")
      await refused(apply(dep.id, { order_id: o, amount: "13.13", date: "2031-11-02" }))
      // Compensated forward: the application stands unapplied, its entry mirrored, nothing consumed.
      expect(await openOf(o)).toBe("50")
      const { data } = await api.get(`/admin/customer-deposits/${dep.id}`, admin)
      expect(data.deposit).toMatchObject({ status: "posted", applied_amount: "0.00", remaining_amount: "20.00" })
      expect(data.deposit.applications).toEqual([expect.objectContaining({ amount: "13.13", unapplied_date: "2031-11-02" })])
      expect(await glLines(knex(), "customer_deposit_application", data.deposit.applications[0].id)).toEqual([
        ["2300", "13.13", "0"],
        ["1100", "0", "13.13"],
        ["2300", "0", "13.13"],
        ["1100", "13.13", "0"],
      ])
      await expectArTiesOut(knex())
    })

    it("asks for the deposits permissions", async () => {
      const clerk = await createAdmin(container, {
        email: `${uid("clerk")}@example.com`,
        permissions: ["deposits:list", "deposits:create"],
      })
      const denied = await refused(
        record({ customer_id: "cus_x", currency_code: "usd", date: TODAY, method: "check", amount: "1.00" }, clerk)
      )
      expect(denied).toMatchObject({ status: 403, data: { code: "PERMISSION_DENIED" } })
      const dep = await deposit(uid("cus"), "10", "2031-10-01")
      expect((await refused(refund(dep.id, { amount: "1", method: "check", date: TODAY }, clerk))).status).toBe(403)
      expect(
        (await refused(api.post(`/admin/customer-deposits/${dep.id}/void`, { date: TODAY }, clerk))).status
      ).toBe(403)
      expect((await api.get("/admin/customer-deposits", clerk)).status).toBe(200)
    })
  },
})
