// Money moves once, a credit counts once, reconciliation never hides a difference
// (the audit's paths, each driven through Medusa's own flows and our API).
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { ACCOUNTING_MODULE } from "../../src/modules/accounting"
import type AccountingModuleService from "../../src/modules/accounting/service"
import { today } from "../../src/modules/accounting/rules/dates"
import {
  capturePayment,
  createCustomer,
  editOrderLowerQuantity,
  ensureStore,
  FixtureCustomer,
  getOrderTotals,
  placeOrder,
  receiveReturn,
  StoreFixture,
} from "../../dev/demo/store-fixture"
import { loadRefundContext } from "../../src/lib/refund-context"
import { recoverCustomerRefund } from "../../src/workflows/customer-refunds"
import { retryDuePostings } from "../../src/workflows/order-accounting/retry-postings"
import { AdminHeaders, createAdmin, refused } from "../helpers/admin"
import { creditMemoBody, issueMemo } from "../helpers/credit"
import { expectArTiesOut, glLines, waitFor } from "../helpers/ledger"
import { orderSnapshot, syncSnapshot } from "../helpers/orders"

jest.setTimeout(240_000)

/** A database fault in the booking step, for refunds referenced FAIL-BOOKING (dropped to let the retry succeed). */
const INJECT_BOOKING_FAULT = `
  create or replace function test_fail_booking() returns trigger as $$
  begin
    if new.source_type = 'customer_refund' and exists (
      select 1 from accounting_customer_refund where id = new.source_id and reference = 'FAIL-BOOKING') then
      raise exception 'injected database failure while booking';
    end if;
    return new;
  end; $$ language plpgsql;
  create trigger test_fail_booking before insert on accounting_journal_entry
    for each row execute function test_fail_booking();`
const REMOVE_BOOKING_FAULT = `drop trigger if exists test_fail_booking on accounting_journal_entry`

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let container: MedusaContainer
    let fixture: StoreFixture
    let customer: FixtureCustomer
    let admin: AdminHeaders
    const knex = () => dbConnection as any
    const date = today()
    const accounting = () => container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)

    beforeAll(async () => {
      container = getContainer()
      fixture = await ensureStore(container, { currencies: ["usd"] })
    })

    beforeEach(async () => {
      customer = await createCustomer(container, { email: `m${Date.now()}@example.com`, first_name: "Mo", last_name: "Safe" })
      admin = await createAdmin(container)
    })

    const available = async () =>
      (await api.get(`/admin/customers/${customer.id}/available-credits?currency_code=usd`, admin)).data.available_credits
    const medusaRefunds = async (paymentId: string) => {
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "refund",
        fields: ["id", "amount", "metadata"],
        filters: { payment_id: paymentId },
      })
      return data as any[]
    }
    const reconciliation = async () =>
      (await api.get(`/admin/accounting/reports/reconciliation?as_of=${date}`, admin)).data
    const rowsOf = (report: any) => report.sections.flatMap((s: any) => [...(s.rows ?? []), ...(s.totals ?? [])])

    /** A paid order whose edit leaves an overpayment of 110 (a credit Medusa knows). */
    const overpaidOrder = async () => {
      const placed = await placeOrder(container, fixture, {
        customer_id: customer.id,
        email: customer.email,
        currency_code: "usd",
        items: [{ variant_id: fixture.variant_ids.widget, quantity: 3 }],
      })
      await capturePayment(container, placed.payment_id)
      const totals = await getOrderTotals(container, placed.order_id)
      await editOrderLowerQuantity(container, placed.order_id, totals.items[0].id, 2)
      const credit = await waitFor(async () => (await available()).find((c: any) => c.source_type === "overpayment"), {
        what: "the overpayment",
      })
      return { ...placed, credit }
    }

    it("completes, never re-drafts, a card refund whose posting fails after the provider refunded", async () => {
      const order = await overpaidOrder()
      await knex().raw(INJECT_BOOKING_FAULT)
      try {
        const first = await api.post(
          "/admin/customer-refunds",
          {
            customer_id: customer.id,
            currency_code: "usd",
            refund_date: date,
            method: "card",
            payment_id: order.payment_id,
            reference: "FAIL-BOOKING",
            lines: [{ source_type: "overpayment", source_id: order.credit.source_id, amount: 110 }],
            post: true,
          },
          admin
        )
        // The money left: the answer says the booking is pending, and the refund can only complete.
        expect(first.status).toBe(202)
        const id = first.data.customer_refund.id
        expect(first.data.customer_refund).toMatchObject({ status: "money_moved", number: null })
        expect(first.data.posting_error.message).toContain("injected database failure")
        expect(await medusaRefunds(order.payment_id)).toHaveLength(1)
        const again = await refused(api.post(`/admin/customer-refunds/${id}/post`, {}, admin))
        expect(again.data.code).toBe("POSTING_IN_PROGRESS")
        // The credit stays reserved: nobody can refund or apply it meanwhile.
        expect(await available()).toEqual([])
        const errors = (await api.get(`/admin/accounting/posting-errors?status=pending`, admin)).data.posting_errors
        expect(errors).toEqual([expect.objectContaining({ source_type: "customer_refund", source_id: id })])
        const report = await reconciliation()
        expect(report.reconciled).toBe(false)
        expect(rowsOf(report)).toContainEqual(expect.objectContaining({ check: "Refund paid, not booked" }))

        // The fault is gone; the retry job completes it, once.
        await knex().raw(REMOVE_BOOKING_FAULT)
        await knex().raw(`update accounting_posting_error set next_attempt_at = now() - interval '1 minute'`)
        await retryDuePostings(container)
        const done = (await api.get(`/admin/customer-refunds/${id}`, admin)).data.customer_refund
        expect(done).toMatchObject({ status: "posted", number: "RF-00001", medusa_refund_id: expect.stringMatching(/^ref_/) })
        expect(await medusaRefunds(order.payment_id)).toHaveLength(1)
        expect(await glLines(knex(), "customer_refund", id)).toEqual([
          ["1100", "110", "0"],
          ["1200", "0", "110"],
        ])
        expect((await reconciliation()).reconciled).toBe(true)
        await expectArTiesOut(knex())
      } finally {
        await knex().raw(REMOVE_BOOKING_FAULT)
      }
    })

    it("settles a card refund whose outcome is unknown by reading the payment's refunds back", async () => {
      // A process died right after the provider paid: reserved, payout started, Medusa's refund recorded.
      const order = await overpaidOrder()
      const lines = [{ source_type: "overpayment" as const, source_id: order.credit.source_id, amount: "60" }]
      const input = { customer_id: customer.id, currency_code: "usd", refund_date: date, method: "card", payment_id: order.payment_id, lines }
      const context = await loadRefundContext(container, input)
      const paid = await accounting().createCustomerRefundDraft(input, context)
      await accounting().reserveCustomerRefund(paid, context)
      await accounting().beginPayout(paid)
      await refundPaymentWorkflow(container).run({
        input: { payment_id: order.payment_id, amount: 60, metadata: { accounting_customer_refund_id: paid } } as any,
      })
      expect(await recoverCustomerRefund(container, paid)).toBe("posted")
      expect(await medusaRefunds(order.payment_id)).toHaveLength(1)
      expect((await api.get(`/admin/customer-refunds/${paid}`, admin)).data.customer_refund.status).toBe("posted")

      // Another died before Medusa recorded anything: nothing moved, the draft comes back.
      const rest = { ...input, lines: [{ ...lines[0], amount: "50" }] }
      const unpaid = await accounting().createCustomerRefundDraft(rest, await loadRefundContext(container, rest))
      await accounting().reserveCustomerRefund(unpaid, await loadRefundContext(container, rest))
      await accounting().beginPayout(unpaid)
      expect(await recoverCustomerRefund(container, unpaid)).toBe("released")
      expect((await api.get(`/admin/customer-refunds/${unpaid}`, admin)).data.customer_refund.status).toBe("draft")
      expect(await medusaRefunds(order.payment_id)).toHaveLength(1)
      await expectArTiesOut(knex())
    })

    it("refuses a manual credit memo for a return already received, and caps a memo at what its order has not had credited", async () => {
      const placed = await placeOrder(container, fixture, {
        customer_id: customer.id,
        email: customer.email,
        currency_code: "usd",
        items: [{ variant_id: fixture.variant_ids.widget, quantity: 2 }],
      })
      await capturePayment(container, placed.payment_id)
      const totals = await getOrderTotals(container, placed.order_id)
      const { return_id } = await receiveReturn(container, placed.order_id, [{ id: totals.items[0].id, quantity: 1 }])
      const twice = await refused(
        api.post(
          "/admin/credit-memos",
          creditMemoBody({ customer_id: customer.id, amount: "10", date }, { order_id: placed.order_id, return_id }),
          admin
        )
      )
      expect(twice).toMatchObject({ status: 409, data: { code: "RETURN_ALREADY_CREDITED" } })
      expect(twice.data.message).toContain(`order #`)

      await waitFor(
        async () => (await knex().raw(`select 1 from accounting_ar_document where order_id = ? and sign = -1 and doc_type = 'order_adjustment'`, [placed.order_id])).rows[0],
        { what: "the return's adjustment" }
      )
      const tooMuch = await api.post(
        "/admin/credit-memos",
        creditMemoBody({ customer_id: customer.id, amount: String(totals.total), date }, { order_id: placed.order_id }),
        admin
      )
      const issue = await refused(api.post(`/admin/credit-memos/${tooMuch.data.credit_memo.id}/issue`, {}, admin))
      expect(issue).toMatchObject({ status: 422, data: { code: "MEMO_EXCEEDS_ORDER" } })
      expect(issue.data.message).toContain("not yet credited")
    })

    it("refuses to void a card refund while its money is with the customer, and lists a record-only void in reconciliation", async () => {
      const order = await overpaidOrder()
      const { data } = await api.post(
        "/admin/customer-refunds",
        {
          customer_id: customer.id,
          currency_code: "usd",
          refund_date: date,
          method: "card",
          payment_id: order.payment_id,
          lines: [{ source_type: "overpayment", source_id: order.credit.source_id, amount: 110 }],
          post: true,
        },
        admin
      )
      const id = data.customer_refund.id
      const plain = await refused(api.post(`/admin/customer-refunds/${id}/void`, { date }, admin))
      expect(plain).toMatchObject({ status: 409, data: { code: "MONEY_MOVED" } })
      const noReason = await refused(api.post(`/admin/customer-refunds/${id}/void`, { date, record_only: true }, admin))
      expect(noReason).toMatchObject({ status: 400 })
      expect(noReason.data.message).toContain("reason")
      expect(await available()).toEqual([])

      const voided = await api.post(
        `/admin/customer-refunds/${id}/void`,
        { date, record_only: true, reason: "Stripe reports the refund failed (card closed)" },
        admin
      )
      expect(voided.data.customer_refund).toMatchObject({ status: "voided", void_record_only: true })
      const report = await reconciliation()
      expect(report.reconciled).toBe(false)
      expect(rowsOf(report)).toContainEqual(
        expect.objectContaining({ check: "Medusa refund", note: expect.stringContaining("voided") })
      )
    })

    it("takes store credit back before voiding a store-credit refund, and refuses once it is spent", async () => {
      const memo = await issueMemo(api, admin, { customer_id: customer.id, amount: "25", date })
      const body = (amount: string) => ({
        customer_id: customer.id,
        currency_code: "usd",
        refund_date: date,
        method: "store_credit",
        lines: [{ source_type: "credit_memo", source_id: memo, amount }],
        post: true,
      })
      const first = (await api.post("/admin/customer-refunds", body("15"), admin)).data.customer_refund
      const account = (await api.get(`/admin/store-credit-accounts?customer_id=${customer.id}`, admin)).data
        .store_credit_accounts[0]
      expect(account.balance).toBe(15)
      await api.post(`/admin/customer-refunds/${first.id}/void`, { date }, admin)
      const after = (await api.get(`/admin/store-credit-accounts/${account.id}`, admin)).data.store_credit_account
      expect(after.balance).toBe(0)
      expect(await available()).toEqual([expect.objectContaining({ source_id: memo, remaining_amount: "25.00" })])

      const second = (await api.post("/admin/customer-refunds", body("25"), admin)).data.customer_refund
      await api.post(`/admin/store-credit-accounts/${account.id}/debit`, { amount: 5, note: "spent at checkout" }, admin)
      const spent = await refused(api.post(`/admin/customer-refunds/${second.id}/void`, { date }, admin))
      expect(spent).toMatchObject({ status: 409, data: { code: "STORE_CREDIT_SPENT" } })
      expect((await api.get(`/admin/customer-refunds/${second.id}`, admin)).data.customer_refund.status).toBe("posted")
    })

    it("counts every total difference in reconciliation, with the residual no row explains", async () => {
      const orderId = `order_tamper_${Date.now()}`
      await syncSnapshot(container, orderSnapshot({ id: orderId, customer_id: customer.id, currency_code: "usd", total: "100", date: "2026-01-01" }))
      const memo = await issueMemo(api, admin, { customer_id: customer.id, amount: "40", date: "2026-01-10" })
      await api.post(`/admin/credit-memos/${memo}/applications`, { order_id: orderId, amount: "40", date: "2026-01-10" }, admin)
      const asOf = (day: string) => api.get(`/admin/accounting/reports/reconciliation?as_of=${day}`, admin)
      expect((await asOf("2026-01-05")).data.reconciled).toBe(true)
      // Someone with database access back-dates the application before the memo existed.
      await knex().raw(`alter table accounting_ar_application disable trigger accounting_guard_ar_application`)
      await knex().raw(`update accounting_ar_application set application_date = '2026-01-03' where kind = 'manual'`)
      await knex().raw(`alter table accounting_ar_application enable trigger accounting_guard_ar_application`)
      const report = (await asOf("2026-01-05")).data
      expect(report).toMatchObject({ reconciled: false, differences: 2 })
      expect(rowsOf(report)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ check: "AR totals", difference: "-40.00" }),
          expect.objectContaining({ check: "Unexplained residual", difference: "-40.00" }),
        ])
      )
    })
  },
})
