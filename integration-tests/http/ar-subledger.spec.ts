import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  cancelOrder,
  capturePayment,
  createCustomer,
  editOrderLowerQuantity,
  ensureStore,
  FixtureCustomer,
  getOrderTotals,
  placeOrder,
  receiveReturn,
  refundPayment,
  StoreFixture,
} from "../../dev/demo/store-fixture"
import { backfillOrders, syncOrderAccountingWorkflow } from "../../src/workflows/order-accounting"
import type AccountingModuleService from "../../src/modules/accounting/service"
import paymentAccountingHandler from "../../src/subscribers/payment-accounting"
import { AdminHeaders, createAdmin, refused } from "../helpers/admin"
import { expectArTiesOut, glLines, waitFor } from "../helpers/ledger"

jest.setTimeout(180_000)

/** Every order the sync workflow ran for, in order (its orderSnapshotLoaded hook). */
const synced: string[] = []
syncOrderAccountingWorkflow.hooks.orderSnapshotLoaded(async ({ snapshot }) => {
  if (snapshot) {
    synced.push(snapshot.id)
  }
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let container: MedusaContainer
    let fixture: StoreFixture
    let customer: FixtureCustomer
    let admin: AdminHeaders
    const knex = () => dbConnection as any

    /** Entries of a source, once its subscriber has posted `count` of them. */
    const posted = (type: string, id: string, count = 1) =>
      waitFor(
        async () => {
          const { rows } = await knex().raw(
            `select count(*)::int as n from accounting_journal_entry where source_type = ? and source_id = ?`,
            [type, id]
          )
          return rows[0].n >= count
        },
        { what: `${count} ${type} entries for ${id}` }
      )
    const openOf = async (docType: string, sourceId: string) =>
      (
        await knex().raw(
          `select raw_open_amount->>'value' as open from accounting_ar_document where doc_type = ? and source_id = ?`,
          [docType, sourceId]
        )
      ).rows[0]?.open

    beforeAll(async () => {
      container = getContainer()
      fixture = await ensureStore(container, { currencies: ["usd", "eur"] })
    })

    beforeEach(async () => {
      // The database is restored between tests; the store setup is part of the snapshot.
      customer = await createCustomer(container, {
        email: `buyer-${Date.now()}@example.com`,
        first_name: "Ada",
        last_name: "Buyer",
      })
      admin = await createAdmin(container)
    })

    const order = (quantity = 2, currency_code = "usd") =>
      placeOrder(container, fixture, {
        customer_id: customer.id,
        email: customer.email,
        currency_code,
        items: [{ variant_id: fixture.variant_ids.widget, quantity }],
      })

    it("posts an order placed and captured with the lines of the GL table", async () => {
      const placed = await order()
      await posted("order", placed.order_id)
      expect(await glLines(knex(), "order", placed.order_id)).toEqual([
        ["1100", "231", "0"],
        ["4000", "0", "200"],
        ["4200", "0", "10"],
        ["2100", "0", "21"],
      ])
      const payment = await capturePayment(container, placed.payment_id)
      const captureId = payment.captures![0].id
      await posted("capture", captureId)
      expect(await glLines(knex(), "capture", captureId)).toEqual([
        ["1200", "231", "0"],
        ["1100", "0", "231"],
      ])
      expect(await openOf("order", placed.order_id)).toBe("0")
      await expectArTiesOut(knex())
    })

    it("answers a capture event for a capture already booked without syncing the order again", async () => {
      const placed = await order()
      await posted("order", placed.order_id)
      const payment = await capturePayment(container, placed.payment_id)
      await posted("capture", payment.captures![0].id)
      const syncs = () => synced.filter((id) => id === placed.order_id).length
      expect(syncs()).toBe(2) // placement, then the capture's event
      // The same event again (delivered twice, or drained from a backlog after the order's sync booked it).
      const deliver = (name: string) =>
        paymentAccountingHandler({ event: { name, data: { id: placed.payment_id } }, container } as any)
      await deliver("payment.captured")
      expect(syncs()).toBe(2)
      const { rows } = await knex().raw(
        `select count(*)::int as n from accounting_journal_entry where source_type = 'capture' and source_id = ?`,
        [payment.captures![0].id]
      )
      expect(rows[0].n).toBe(1)
      // Any other payment event still syncs the order.
      await deliver("payment.refunded")
      expect(syncs()).toBe(3)
      await expectArTiesOut(knex())
    })

    it("keeps the rest open after a partial capture", async () => {
      const placed = await order()
      await posted("order", placed.order_id)
      const payment = await capturePayment(container, placed.payment_id, 100)
      await posted("capture", payment.captures![0].id)
      expect(await openOf("order", placed.order_id)).toBe("131")
      await expectArTiesOut(knex())
    })

    it("reverses an order canceled after capture, including Medusa's silent refund", async () => {
      const placed = await order()
      await capturePayment(container, placed.payment_id)
      await posted("order", placed.order_id)
      await cancelOrder(container, placed.order_id)
      await posted("order", placed.order_id, 2)
      const totals = await getOrderTotals(container, placed.order_id)
      const refund = totals.payment_collections[0].payments[0].refunds[0]
      await posted("refund", refund.id)
      expect((await glLines(knex(), "order", placed.order_id)).slice(4)).toEqual([
        ["1100", "0", "231"],
        ["4000", "200", "0"],
        ["4200", "10", "0"],
        ["2100", "21", "0"],
      ])
      expect(await glLines(knex(), "refund", refund.id)).toEqual([
        ["1100", "231", "0"],
        ["1200", "0", "231"],
      ])
      const { rows } = await knex().raw(
        `select sum(sign * open_amount)::text as owed from accounting_ar_document where order_id = ?`,
        [placed.order_id]
      )
      expect(Number(rows[0].owed)).toBe(0)
      await expectArTiesOut(knex())
    })

    it("books a received return as returns & allowances and its refund against the overpayment", async () => {
      const placed = await order(3)
      await capturePayment(container, placed.payment_id)
      await posted("order", placed.order_id)
      const totals = await getOrderTotals(container, placed.order_id)
      await receiveReturn(container, placed.order_id, [{ id: totals.items[0].id, quantity: 1 }])
      await posted("order", placed.order_id, 2)
      expect((await glLines(knex(), "order", placed.order_id)).slice(4)).toEqual([
        ["1100", "0", "110"],
        ["4100", "100", "0"],
        ["2100", "10", "0"],
      ])
      const credits = await api.get(`/admin/customers/${customer.id}/available-credits`, admin)
      expect(credits.data.available_credits).toEqual([
        expect.objectContaining({ source_type: "overpayment", remaining_amount: "110.00", currency_code: "usd" }),
      ])
      await refundPayment(container, placed.payment_id, 110)
      const after = await getOrderTotals(container, placed.order_id)
      const refund = after.payment_collections[0].payments[0].refunds[0]
      await posted("refund", refund.id)
      expect(
        (await api.get(`/admin/customers/${customer.id}/available-credits`, admin)).data.available_credits
      ).toEqual([])
      await expectArTiesOut(knex())
    })

    it("documents a received return as an issued credit memo when auto credit memo is on", async () => {
      await api.post("/admin/accounting/settings", { auto_credit_memo_on_return: true }, admin)
      const placed = await order(3)
      await capturePayment(container, placed.payment_id)
      await posted("order", placed.order_id)
      const totals = await getOrderTotals(container, placed.order_id)
      const { return_id } = await receiveReturn(container, placed.order_id, [
        { id: totals.items[0].id, quantity: 1 },
      ])
      await posted("order", placed.order_id, 2)
      // The same GL lines as without the setting: the memo documents the order change.
      expect((await glLines(knex(), "order", placed.order_id)).slice(4)).toEqual([
        ["1100", "0", "110"],
        ["4100", "100", "0"],
        ["2100", "10", "0"],
      ])
      const { data } = await api.get(`/admin/credit-memos?order_id=${placed.order_id}`, admin)
      expect(data.credit_memos).toHaveLength(1)
      const memo = data.credit_memos[0]
      expect(memo).toMatchObject({
        status: "issued",
        return_id,
        total: "110.00",
        tax_total: "10.00",
        remaining_amount: "110.00",
      })
      expect(memo.number).toMatch(/^CM-\d+$/)
      const detail = await api.get(`/admin/credit-memos/${memo.id}`, admin)
      expect(detail.data.credit_memo.lines).toEqual([
        expect.objectContaining({ kind: "item", amount: "100.00", tax_amount: "10.00" }),
      ])
      // The paid order's credit is the memo, refundable like any credit memo.
      const credits = await api.get(`/admin/customers/${customer.id}/available-credits`, admin)
      expect(credits.data.available_credits).toEqual([
        expect.objectContaining({ source_type: "credit_memo", source_id: memo.id, remaining_amount: "110.00" }),
      ])
      const voided = await refused(
        api.post(`/admin/credit-memos/${memo.id}/void`, { date: memo.memo_date }, admin)
      )
      expect(voided).toMatchObject({ status: 409, data: { code: "MEMO_FROM_RETURN" } })

      // Medusa's own refund of the return settles the memo; a second sync adds nothing.
      await refundPayment(container, placed.payment_id, 110)
      const refund = (await getOrderTotals(container, placed.order_id)).payment_collections[0].payments[0]
        .refunds[0]
      await posted("refund", refund.id)
      const after = await api.get(`/admin/credit-memos/${memo.id}`, admin)
      expect(after.data.credit_memo.remaining_amount).toBe("0.00")
      expect(await backfillOrders(container)).toMatchObject({ entries: 0, errors: [] })
      await expectArTiesOut(knex())
    })

    it("shows the overpayment of an order edit that lowered a paid total", async () => {
      const placed = await order(3)
      await capturePayment(container, placed.payment_id)
      await posted("order", placed.order_id)
      const totals = await getOrderTotals(container, placed.order_id)
      await editOrderLowerQuantity(container, placed.order_id, totals.items[0].id, 2)
      await posted("order", placed.order_id, 2)
      const { data } = await api.get(
        `/admin/customers/${customer.id}/available-credits?currency_code=usd`,
        admin
      )
      expect(data.available_credits).toEqual([
        expect.objectContaining({ source_type: "overpayment", original_amount: "341.00", remaining_amount: "110.00" }),
      ])
      await expectArTiesOut(knex())
    })

    it("posts an event delivered twice only once", async () => {
      const placed = await order()
      await posted("order", placed.order_id)
      const eventBus = container.resolve(Modules.EVENT_BUS)
      await eventBus.emit([
        { name: "order.placed", data: { id: placed.order_id } },
        { name: "order.placed", data: { id: placed.order_id } },
      ])
      await new Promise((r) => setTimeout(r, 1500))
      const { rows } = await knex().raw(
        `select count(*)::int as n from accounting_journal_entry where source_id = ?`,
        [placed.order_id]
      )
      expect(rows[0].n).toBe(1)
    })

    it("backfills a store's history once: a second run adds nothing", async () => {
      await container
        .resolve<AccountingModuleService>("accounting")
        .updateSettings({ posting: { orders: false, payments: false } })
      const a = await order()
      const b = await order(1, "eur")
      await capturePayment(container, a.payment_id)
      await new Promise((r) => setTimeout(r, 500))
      expect((await knex().raw(`select count(*)::int as n from accounting_journal_entry`)).rows[0].n).toBe(0)
      await container
        .resolve<AccountingModuleService>("accounting")
        .updateSettings({ posting: { orders: true, payments: true } })

      const dry = await backfillOrders(container, { dry_run: true })
      expect(dry).toMatchObject({ orders: 2, entries: 3, errors: [] })
      expect((await knex().raw(`select count(*)::int as n from accounting_journal_entry`)).rows[0].n).toBe(0)

      const first = await backfillOrders(container, { batch_size: 1 })
      expect(first).toMatchObject({ orders: 2, entries: 3, errors: [] })
      const second = await backfillOrders(container)
      expect(second).toMatchObject({ orders: 2, entries: 0, errors: [] })
      expect(await glLines(knex(), "order", b.order_id)).toEqual([
        ["1100", "110", "0"],
        ["4000", "0", "90"],
        ["4200", "0", "10"],
        ["2100", "0", "10"],
      ])
      await expectArTiesOut(knex())
    })

    it("lists a failed posting, leaves the store's flow alone and resolves it on retry", async () => {
      const { data } = await api.post(
        "/admin/accounting/periods",
        { name: "Now", start_date: "2000-01-01", end_date: "2999-12-31" },
        admin
      )
      await api.post(`/admin/accounting/periods/${data.period.id}/close`, {}, admin)
      const placed = await order()
      expect(placed.total).toBe(231) // the store's own checkout went through
      const errors = await waitFor(async () => {
        const res = await api.get("/admin/accounting/posting-errors?status=pending", admin)
        return res.data.count ? res.data.posting_errors : null
      })
      expect(errors[0]).toMatchObject({
        source_type: "order",
        source_id: placed.order_id,
        code: "PERIOD_CLOSED",
        event_name: "order.placed",
      })

      const stillClosed = await api.post(`/admin/accounting/posting-errors/${errors[0].id}/retry`, {}, admin)
      expect(stillClosed.data.posting_error).toMatchObject({ status: "pending", attempts: 2 })
      await api.post(`/admin/accounting/periods/${data.period.id}/reopen`, {}, admin)
      const retried = await api.post(`/admin/accounting/posting-errors/${errors[0].id}/retry`, {}, admin)
      expect(retried.data.posting_error.status).toBe("resolved")
      expect(await glLines(knex(), "order", placed.order_id)).toHaveLength(4)
      expect(
        (await refused(api.post(`/admin/accounting/posting-errors/perr_missing/retry`, {}, admin))).status
      ).toBe(404)
    })
  },
})
