import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  cancelOrder,
  capturePayment,
  createCustomer,
  createCustomerGroup,
  editOrderLowerQuantity,
  ensurePercentagePromotion,
  ensureStore,
  FixtureCustomer,
  getOrderTotals,
  placeOrder,
  receiveReturn,
  refundPayment,
  StoreFixture,
} from "../../dev/demo/store-fixture"

jest.setTimeout(180_000)

/**
 * Records the events the workflows emit, by name. Workflows emit into a group
 * that is released only if the workflow succeeds; every workflow here succeeds.
 */
function spyOnEvents(container: MedusaContainer) {
  const eventBus = container.resolve(Modules.EVENT_BUS)
  const seen: { name: string; data: unknown }[] = []
  const emit = eventBus.emit.bind(eventBus)
  jest.spyOn(eventBus, "emit").mockImplementation(async (messages, options) => {
    for (const m of Array.isArray(messages) ? messages : [messages]) {
      seen.push({ name: m.name, data: m.data })
    }
    return emit(messages, options)
  })
  return <T = Record<string, unknown>>(name: string) =>
    seen.filter((e) => e.name === name).map((e) => e.data as T)
}

medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    let container: MedusaContainer
    let fixture: StoreFixture
    let usdOnly: StoreFixture
    let customer: FixtureCustomer
    let events: ReturnType<typeof spyOnEvents>

    beforeAll(async () => {
      container = getContainer()
      // Grow the store in two steps, as a re-run of the seed with more currencies would.
      usdOnly = await ensureStore(container, { currencies: ["usd"] })
      fixture = await ensureStore(container, { currencies: ["usd", "eur", "jpy", "kwd"] })
      const vip = await createCustomerGroup(container, "VIP")
      customer = await createCustomer(container, {
        email: "jane@example.com",
        first_name: "Jane",
        last_name: "Doe",
        group_ids: [vip],
      })
      events = spyOnEvents(container)
    })

    const order = (
      currency_code: string,
      items: { variant_id: string; quantity: number }[],
      promo_code?: string
    ) =>
      placeOrder(container, fixture, {
        customer_id: customer.id,
        email: customer.email,
        currency_code,
        items,
        promo_code,
      })

    it("sets up the store idempotently and reuses customers and groups", async () => {
      expect(Object.keys(fixture.regions).sort()).toEqual(["eur", "jpy", "kwd", "usd"])
      expect(Object.keys(fixture.shipping_option_ids).sort()).toEqual(["eur", "jpy", "kwd", "usd"])

      expect(fixture.regions.usd).toEqual(usdOnly.regions.usd)
      expect(fixture.shipping_option_ids.usd).toBe(usdOnly.shipping_option_ids.usd)
      expect(fixture.variant_ids).toEqual(usdOnly.variant_ids)

      const again = await ensureStore(container, { currencies: ["usd", "eur", "jpy", "kwd"] })
      expect(again).toEqual(fixture)

      const same = await createCustomer(container, {
        email: "jane@example.com",
        first_name: "Jane",
        last_name: "Doe",
      })
      expect(same.id).toBe(customer.id)
      expect(await createCustomerGroup(container, "VIP")).toBe(await createCustomerGroup(container, "VIP"))
    })

    it("places, captures and partially refunds a USD order", async () => {
      const placed = await order("usd", [{ variant_id: fixture.variant_ids.widget, quantity: 2 }])
      // 2 × 100 + 10 shipping, 10% tax on both = 231
      expect(placed.total).toBe(231)
      expect(events("order.placed")).toContainEqual({ id: placed.order_id })

      const before = await getOrderTotals(container, placed.order_id)
      expect(before).toMatchObject({
        subtotal: 210,
        item_subtotal: 200,
        shipping_subtotal: 10,
        tax_total: 21,
        discount_subtotal: 0,
        credit_line_total: 0,
        status: "pending",
      })
      expect(before.payment_collections[0].payments[0]).toMatchObject({
        id: placed.payment_id,
        amount: 231,
        provider_id: "pp_system_default",
        captures: [],
      })

      await capturePayment(container, placed.payment_id)
      const captured = await getOrderTotals(container, placed.order_id)
      expect(captured.summary.paid_total).toBe(231)
      expect(captured.summary.pending_difference).toBe(0)
      expect(events("payment.captured")).toContainEqual({ id: placed.payment_id })

      await refundPayment(container, placed.payment_id, 31, { note: "goodwill" })
      const refunded = await getOrderTotals(container, placed.order_id)
      expect(refunded.summary.refunded_total).toBe(31)
      // Medusa books a refund of a fully paid order as a credit line, so the order total drops too.
      expect(refunded.credit_line_total).toBe(31)
      expect(refunded.total).toBe(200)
      expect(refunded.payment_collections[0].payments[0].refunds).toEqual([
        expect.objectContaining({ amount: 31 }),
      ])
      expect(events("payment.refunded")).toContainEqual({ id: placed.payment_id })
    })

    it("cancels a captured order, refunding the capture", async () => {
      const placed = await order("eur", [{ variant_id: fixture.variant_ids.gadget, quantity: 1 }])
      // 45 + 10 shipping + 5.5 tax
      expect(placed.total).toBe(60.5)
      await capturePayment(container, placed.payment_id)

      await cancelOrder(container, placed.order_id)
      const canceled = await getOrderTotals(container, placed.order_id)
      expect(canceled.status).toBe("canceled")
      expect(canceled.payment_collections[0].payments[0].refunds).toEqual([
        expect.objectContaining({ amount: 60.5 }),
      ])
      expect(canceled.summary.refunded_total).toBe(60.5)
      expect(canceled.total).toBe(0)
      expect(events("order.canceled")).toContainEqual({ id: placed.order_id })
      // The cancel path refunds through refundPaymentsWorkflow, which emits no payment.refunded.
      expect(events("payment.refunded")).not.toContainEqual({ id: placed.payment_id })
    })

    it("lowers the total through a received return and through an order edit", async () => {
      const placed = await order("usd", [{ variant_id: fixture.variant_ids.widget, quantity: 3 }])
      expect(placed.total).toBe(341) // 300 + 10 + 31 tax
      const [item] = (await getOrderTotals(container, placed.order_id)).items

      const { return_id } = await receiveReturn(container, placed.order_id, [{ id: item.id, quantity: 1 }])
      const afterReturn = await getOrderTotals(container, placed.order_id)
      expect(afterReturn.total).toBe(231)
      expect(events("order.return_requested")).toContainEqual({ order_id: placed.order_id, return_id })
      expect(events("order.return_received")).toContainEqual({ order_id: placed.order_id, return_id })

      const edited = await order("usd", [{ variant_id: fixture.variant_ids.widget, quantity: 3 }])
      const [editItem] = (await getOrderTotals(container, edited.order_id)).items
      await capturePayment(container, edited.payment_id) // so the edit leaves money owed to the customer
      await editOrderLowerQuantity(container, edited.order_id, editItem.id, 2)
      const afterEdit = await getOrderTotals(container, edited.order_id)
      expect(afterEdit.total).toBe(231)
      expect(afterEdit.items[0].quantity).toBe(2)
      expect(afterEdit.summary.pending_difference).toBe(-110) // nothing is refunded automatically
      expect(events<{ order_id: string }>("order-edit.confirmed").map((e) => e.order_id)).toContain(
        edited.order_id
      )
    })

    it("prices JPY (no decimals) and KWD (three decimals) orders, and applies a promotion", async () => {
      const jpy = await order("jpy", [{ variant_id: fixture.variant_ids.widget, quantity: 1 }])
      expect(jpy.total).toBe(14300) // 12000 + 1000 + 1300 tax

      const kwd = await order("kwd", [
        { variant_id: fixture.variant_ids.widget, quantity: 2 },
        { variant_id: fixture.variant_ids.gadget, quantity: 1 },
      ])
      // 61 + 15.25 + 3 shipping = 79.25, + 7.925 tax
      expect(kwd.total).toBe(87.175)

      await ensurePercentagePromotion(container, { code: "TEN", percentage: 10 })
      const promo = await order("usd", [{ variant_id: fixture.variant_ids.widget, quantity: 2 }], "TEN")
      const totals = await getOrderTotals(container, promo.order_id)
      // 10% off the items (20), tax on the discounted items (18) and on shipping (1)
      expect(totals.discount_subtotal).toBe(20)
      expect(promo.total).toBe(209)
    })
  },
})
