// The test payment provider that refuses refunds is loaded by medusa-config when this is set.
process.env.ACCOUNTING_TEST_PROVIDERS = "true"

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  capturePayment,
  createCustomer,
  editOrderLowerQuantity,
  enablePaymentProvider,
  ensureStore,
  FixtureCustomer,
  getOrderTotals,
  placeOrder,
  StoreFixture,
} from "../../dev/demo/store-fixture"
import { today } from "../../src/modules/accounting/rules/dates"
import { AdminHeaders, createAdmin, refused } from "../helpers/admin"
import { issueMemo } from "../helpers/credit"
import { expectArTiesOut, glLines, waitFor, waitForArDocument } from "../helpers/ledger"

jest.setTimeout(240_000)

const FAILING_PROVIDER = "pp_failing-refunds_failing"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let container: MedusaContainer
    let fixture: StoreFixture
    let customer: FixtureCustomer
    let admin: AdminHeaders
    const knex = () => dbConnection as any
    const date = today()

    beforeAll(async () => {
      container = getContainer()
      fixture = await ensureStore(container, { currencies: ["usd"] })
      await enablePaymentProvider(container, fixture, "usd", FAILING_PROVIDER)
    })

    beforeEach(async () => {
      customer = await createCustomer(container, {
        email: `c${Date.now()}@example.com`,
        first_name: "Cy",
        last_name: "Refund",
      })
      admin = await createAdmin(container)
    })

    const issuedMemo = (amount: string, customer_id = customer.id) =>
      issueMemo(api, admin, { customer_id, amount, date })

    const refund = (lines: any[], over: Record<string, unknown> = {}, headers: AdminHeaders = admin) =>
      api.post(
        "/admin/customer-refunds",
        {
          customer_id: customer.id,
          currency_code: "usd",
          refund_date: date,
          method: "check",
          reference: "CHK-1",
          lines,
          ...over,
        },
        headers
      )

    /** The customer's order of `quantity` widgets (not captured). */
    const placeWidgets = (quantity = 1, provider_id?: string) =>
      placeOrder(container, fixture, {
        customer_id: customer.id,
        email: customer.email,
        currency_code: "usd",
        items: [{ variant_id: fixture.variant_ids.widget, quantity }],
        provider_id,
      })

    /** A paid order whose total an edit lowered by 110: an overpayment of 110 to refund. */
    const overpaidOrder = async (provider_id?: string) => {
      const placed = await placeWidgets(3, provider_id)
      await capturePayment(container, placed.payment_id)
      const totals = await getOrderTotals(container, placed.order_id)
      await editOrderLowerQuantity(container, placed.order_id, totals.items[0].id, 2)
      const credit = await waitFor(
        async () => {
          const { data } = await api.get(`/admin/customers/${customer.id}/available-credits`, admin)
          return data.available_credits.find((c: any) => c.source_type === "overpayment")
        },
        { what: "the overpayment" }
      )
      return { ...placed, credit }
    }

    const available = async () =>
      (await api.get(`/admin/customers/${customer.id}/available-credits?currency_code=usd`, admin)).data
        .available_credits

    it("refunds part of a credit memo by check: Dr AR / Cr Bank, number RF-00001", async () => {
      const memo = await issuedMemo("100")
      const { data } = await refund([{ source_type: "credit_memo", source_id: memo, amount: "40" }], {
        post: true,
      })
      expect(data.customer_refund).toMatchObject({
        status: "posted",
        number: "RF-00001",
        total: "40.00",
        method: "check",
      })
      expect(await glLines(knex(), "customer_refund", data.customer_refund.id)).toEqual([
        ["1100", "40", "0"],
        ["1000", "0", "40"],
      ])
      expect(await available()).toEqual([
        expect.objectContaining({ source_type: "credit_memo", source_id: memo, remaining_amount: "60.00" }),
      ])
      await expectArTiesOut(knex())
    })

    it("records EFT, cash and record-transfer refunds against the mapped account", async () => {
      const memo = await issuedMemo("90")
      for (const method of ["eft", "cash", "record_transfer"]) {
        const { data } = await refund([{ source_type: "credit_memo", source_id: memo, amount: 30 }], {
          method,
          post: true,
        })
        expect(await glLines(knex(), "customer_refund", data.customer_refund.id)).toEqual([
          ["1100", "30", "0"],
          ["1000", "0", "30"],
        ])
      }
      expect(await available()).toEqual([])
    })

    it("refunds as store credit: Cr Customer Deposits and a spendable loyalty balance", async () => {
      const memo = await issuedMemo("25")
      const { data } = await refund([{ source_type: "credit_memo", source_id: memo, amount: "25" }], {
        method: "store_credit",
        post: true,
      })
      expect(await glLines(knex(), "customer_refund", data.customer_refund.id)).toEqual([
        ["1100", "25", "0"],
        ["2200", "0", "25"],
      ])
      const accounts = await api.get(`/admin/store-credit-accounts?customer_id=${customer.id}`, admin)
      expect(accounts.data.store_credit_accounts[0].balance).toBe(25)
      // and that balance can itself be paid out by check: Dr Customer Deposits / Cr Bank
      const credits = await available()
      expect(credits).toEqual([
        expect.objectContaining({ source_type: "store_credit", remaining_amount: "25.00" }),
      ])
      const payout = await refund(
        [{ source_type: "store_credit", source_id: credits[0].source_id, amount: "10" }],
        { post: true }
      )
      expect(await glLines(knex(), "customer_refund", payout.data.customer_refund.id)).toEqual([
        ["2200", "10", "0"],
        ["1000", "0", "10"],
      ])
      const after = await api.get(`/admin/store-credit-accounts?customer_id=${customer.id}`, admin)
      expect(after.data.store_credit_accounts[0].balance).toBe(15)
    })

    it("refunds an overpayment to the card through Medusa, booked once", async () => {
      const order = await overpaidOrder()
      const { data } = await refund(
        [{ source_type: "overpayment", source_id: order.credit.source_id, amount: 110 }],
        { method: "card", payment_id: order.payment_id, post: true }
      )
      const posted = data.customer_refund
      expect(posted).toMatchObject({ status: "posted", medusa_refund_id: expect.stringMatching(/^ref_/) })
      const payment = (await getOrderTotals(container, order.order_id)).payment_collections[0].payments[0]
      expect(payment.refunds.map((r: any) => [r.id, r.amount])).toEqual([[posted.medusa_refund_id, 110]])
      expect(await glLines(knex(), "customer_refund", posted.id)).toEqual([
        ["1100", "110", "0"],
        ["1200", "0", "110"],
      ])
      // The payout's read-back is booked with the post, in one transaction: no money_moved step between.
      const { rows: audit } = await knex().raw(
        `select action, from_status, data->>'medusa_refund_id' as medusa_refund_id
           from accounting_audit_event where entity_id = ? order by created_at`,
        [posted.id]
      )
      expect(audit.map((a: any) => a.action)).toEqual(["create", "reserve", "post"])
      expect(audit[2]).toMatchObject({ from_status: "posting", medusa_refund_id: posted.medusa_refund_id })
      // Medusa's payment.refunded reaches the order sync, which leaves the refund to us.
      await new Promise((r) => setTimeout(r, 1500))
      expect(await glLines(knex(), "refund", posted.medusa_refund_id)).toEqual([])
      expect(await available()).toEqual([])
      await expectArTiesOut(knex())
    })

    it("refunds a credit memo to the card without booking Medusa's credit line twice", async () => {
      const order = await overpaidOrder()
      const memo = await issuedMemo("30")
      const { data } = await refund(
        [
          { source_type: "overpayment", source_id: order.credit.source_id, amount: 110 },
          { source_type: "credit_memo", source_id: memo, amount: 30 },
        ],
        { method: "card", payment_id: order.payment_id, post: true }
      )
      const totals = await getOrderTotals(container, order.order_id)
      expect(totals.credit_line_total).toBe(30) // Medusa's part not owed by the order
      await new Promise((r) => setTimeout(r, 1500))
      const { rows } = await knex().raw(
        `select count(*)::int as n from accounting_journal_entry where source_id = ? and source_kind like 'change:%'`,
        [order.order_id]
      )
      expect(rows[0].n).toBe(1) // only the edit; the credit line is the memo's
      expect(data.customer_refund.total).toBe("140.00")
      await expectArTiesOut(knex())
    })

    it("rolls everything back when the provider refuses the refund", async () => {
      const order = await overpaidOrder(FAILING_PROVIDER)
      const draft = await refund(
        [{ source_type: "overpayment", source_id: order.credit.source_id, amount: 110 }],
        { method: "card", payment_id: order.payment_id }
      )
      const id = draft.data.customer_refund.id
      const failed = await refused(api.post(`/admin/customer-refunds/${id}/post`, {}, admin))
      expect(failed).toMatchObject({ status: 422, data: { code: "PAYMENT_REFUND_FAILED" } })
      expect(failed.data.message).toContain("declined")
      const after = await api.get(`/admin/customer-refunds/${id}`, admin)
      expect(after.data.customer_refund).toMatchObject({
        status: "draft",
        number: null,
        journal_entry_id: null,
      })
      expect(await glLines(knex(), "customer_refund", id)).toEqual([])
      expect(await available()).toEqual([
        expect.objectContaining({ source_type: "overpayment", remaining_amount: "110.00" }),
      ])
      const { rows } = await knex().raw(
        `select action from accounting_audit_event where entity_id = ? order by created_at`,
        [id]
      )
      expect(rows.map((r: any) => r.action)).toEqual(["create", "reserve", "release"])
    })

    it("refuses a card refund above what is left of the payment: captured less refunded", async () => {
      const placed = await placeWidgets()
      await capturePayment(container, placed.payment_id)
      const captured = (await getOrderTotals(container, placed.order_id)).payment_collections[0].payments[0]
        .amount
      // Medusa refunds 20 of the capture itself; the memo would cover more than the rest.
      await api.post(`/admin/payments/${placed.payment_id}/refund`, { amount: 20 }, admin)
      const memo = await issuedMemo(String(captured))
      const card = (amount: number) =>
        refund([{ source_type: "credit_memo", source_id: memo, amount }], {
          method: "card",
          payment_id: placed.payment_id,
          post: true,
        })
      const tooMuch = await refused(card(captured - 19))
      expect(tooMuch).toMatchObject({
        status: 422,
        data: {
          code: "REFUND_EXCEEDS_CREDIT",
          message: `Payment ${placed.payment_id} has only ${captured - 20} left to refund`,
        },
      })
      const { data } = await card(captured - 20)
      expect(data.customer_refund).toMatchObject({
        status: "posted",
        medusa_refund_id: expect.stringMatching(/^ref_/),
      })
    })

    it("lets 10 of 50 concurrent refunds of 10 draw on a credit of 100", async () => {
      const memo = await issuedMemo("100")
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, () =>
          refund([{ source_type: "credit_memo", source_id: memo, amount: "10" }], { post: true })
        )
      )
      const ok = results.filter((r) => r.status === "fulfilled") as PromiseFulfilledResult<any>[]
      const failures = results.filter((r) => r.status === "rejected").map((r: any) => r.reason.response)
      expect(ok).toHaveLength(10)
      expect(new Set(failures.map((f) => `${f.status} ${f.data.code}`))).toEqual(
        new Set(["422 REFUND_EXCEEDS_CREDIT"])
      )
      expect(ok.map((r) => r.value.data.customer_refund.number).sort()).toEqual(
        Array.from({ length: 10 }, (_, i) => `RF-${String(i + 1).padStart(5, "0")}`)
      )
      const { rows } = await knex().raw(`select count(*)::int as n from accounting_customer_refund`)
      expect(rows[0].n).toBe(10) // refused create-and-post requests leave no draft
      expect(await available()).toEqual([])
      await expectArTiesOut(knex())
    })

    it("voids a refund: mirror entry, credit available again; refuses bad dates and closed periods", async () => {
      const memo = await issuedMemo("50")
      const { data } = await refund([{ source_type: "credit_memo", source_id: memo, amount: 50 }], {
        post: true,
      })
      const id = data.customer_refund.id
      const early = await refused(
        api.post(`/admin/customer-refunds/${id}/void`, { date: "2000-01-01" }, admin)
      )
      expect(early).toMatchObject({ status: 422, data: { code: "DATE_BEFORE_ORIGINAL" } })
      const period = await api.post(
        "/admin/accounting/periods",
        { name: "Now", start_date: date, end_date: date },
        admin
      )
      await api.post(`/admin/accounting/periods/${period.data.period.id}/close`, {}, admin)
      const closed = await refused(api.post(`/admin/customer-refunds/${id}/void`, { date }, admin))
      expect(closed).toMatchObject({ status: 409, data: { code: "PERIOD_CLOSED" } })
      await api.post(`/admin/accounting/periods/${period.data.period.id}/reopen`, {}, admin)

      const voided = await api.post(`/admin/customer-refunds/${id}/void`, { date }, admin)
      expect(voided.data.customer_refund).toMatchObject({
        status: "voided",
        void_date: date,
        number: "RF-00001",
      })
      expect(await glLines(knex(), "customer_refund", id)).toEqual([
        ["1100", "50", "0"],
        ["1000", "0", "50"],
        ["1100", "0", "50"],
        ["1000", "50", "0"],
      ])
      expect(await available()).toEqual([expect.objectContaining({ source_id: memo, remaining_amount: "50.00" })])
      const again = await refused(api.post(`/admin/customer-refunds/${id}/void`, { date }, admin))
      expect(again).toMatchObject({ status: 409, data: { code: "ALREADY_VOIDED" } })
      await expectArTiesOut(knex())
    })

    it("voids a card refund only record-only with the provider's reason, and says so in the audit trail", async () => {
      const order = await overpaidOrder()
      const { data } = await refund(
        [{ source_type: "overpayment", source_id: order.credit.source_id, amount: 110 }],
        { method: "card", payment_id: order.payment_id, post: true }
      )
      const id = data.customer_refund.id
      const plain = await refused(api.post(`/admin/customer-refunds/${id}/void`, { date }, admin))
      expect(plain).toMatchObject({ status: 409, data: { code: "MONEY_MOVED" } })
      const reason = "Provider reports the refund returned (account closed)"
      const voided = await api.post(`/admin/customer-refunds/${id}/void`, { date, record_only: true, reason }, admin)
      expect(voided.data.customer_refund).toMatchObject({ status: "voided", void_record_only: true })
      const { rows } = await knex().raw(
        `select data from accounting_audit_event where entity_id = ? and action = 'void'`,
        [id]
      )
      expect(rows[0].data).toMatchObject({ record_only: true, reason })
    })

    it("returns the first result for a retried Idempotency-Key and refuses it with another body", async () => {
      const memo = await issuedMemo("100")
      const headers = { headers: { ...admin.headers, "Idempotency-Key": "refund-7f3a" } }
      const body = [{ source_type: "credit_memo", source_id: memo, amount: "20" }]
      const first = await refund(body, { post: true }, headers)
      const retry = await refund(body, { post: true }, headers)
      expect(retry.data.customer_refund.id).toBe(first.data.customer_refund.id)
      expect(retry.headers["idempotent-replayed"]).toBe("true")
      const other = await refused(refund([{ ...body[0], amount: "21" }], { post: true }, headers))
      expect(other).toMatchObject({ status: 409, data: { code: "IDEMPOTENCY_CONFLICT" } })
      expect(await available()).toEqual([expect.objectContaining({ remaining_amount: "80.00" })])
    })

    it("refuses what cannot be refunded: an order that is only owed, more than the credit, another customer's credit", async () => {
      const placed = await placeWidgets()
      const orderDoc = await waitForArDocument(knex(), placed.order_id)
      const owed = await refused(
        refund([{ source_type: "negative_invoice", source_id: orderDoc.id, amount: "10" }])
      )
      expect(owed).toMatchObject({ status: 422, data: { code: "POSITIVE_INVOICE_NOT_REFUNDABLE" } })
      const byOrderId = await refused(
        refund([{ source_type: "overpayment", source_id: placed.order_id, amount: "10" }])
      )
      expect(byOrderId.data.code).toBe("POSITIVE_INVOICE_NOT_REFUNDABLE")

      const memo = await issuedMemo("30")
      const tooMuch = await refused(
        refund([{ source_type: "credit_memo", source_id: memo, amount: "30.01" }])
      )
      expect(tooMuch).toMatchObject({ status: 422, data: { code: "REFUND_EXCEEDS_CREDIT" } })

      const other = await createCustomer(container, {
        email: `o${Date.now()}@example.com`,
        first_name: "Oz",
        last_name: "Other",
      })
      const theirs = await issuedMemo("30", other.id)
      const foreign = await refused(refund([{ source_type: "credit_memo", source_id: theirs, amount: "5" }]))
      expect(foreign).toMatchObject({ status: 422, data: { code: "CUSTOMER_MISMATCH" } })

      const card = await refused(
        refund([{ source_type: "credit_memo", source_id: memo, amount: "5" }], { method: "card" })
      )
      expect(card).toMatchObject({ status: 422, data: { code: "PAYMENT_REQUIRED" } })
      expect((await knex().raw(`select count(*)::int as n from accounting_customer_refund`)).rows[0].n).toBe(
        0
      )
    })

    it("edits and deletes a draft, refuses to delete a posted refund", async () => {
      const memo = await issuedMemo("100")
      const { data } = await refund([{ source_type: "credit_memo", source_id: memo, amount: "10" }])
      const id = data.customer_refund.id
      const edited = await api.post(
        `/admin/customer-refunds/${id}`,
        { lines: [{ source_type: "credit_memo", source_id: memo, amount: "15" }], memo: "typo fixed" },
        admin
      )
      expect(edited.data.customer_refund).toMatchObject({ total: "15.00", memo: "typo fixed", status: "draft" })
      await api.post(`/admin/customer-refunds/${id}/post`, {}, admin)
      const del = await refused(api.delete(`/admin/customer-refunds/${id}`, admin))
      expect(del).toMatchObject({ status: 409, data: { code: "IMMUTABLE" } })
      const edit = await refused(api.post(`/admin/customer-refunds/${id}`, { memo: "late" }, admin))
      expect(edit).toMatchObject({ status: 409, data: { code: "IMMUTABLE" } })

      const second = await refund([{ source_type: "credit_memo", source_id: memo, amount: "5" }])
      const deleted = await api.delete(`/admin/customer-refunds/${second.data.customer_refund.id}`, admin)
      expect(deleted.data).toMatchObject({ deleted: true })
    })
  },
})
