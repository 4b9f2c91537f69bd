import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ACCOUNTING_MODULE } from "../../src/modules/accounting"
import type AccountingModuleService from "../../src/modules/accounting/service"
import { addDays, toIsoDate } from "../../src/modules/accounting/rules/dates"
import {
  applyCreditWorkflow,
  createCreditMemoWorkflow,
  issueCreditMemoWorkflow,
  voidCreditMemoWorkflow,
} from "../../src/workflows/credit-memos"
import {
  createCustomerRefundWorkflow,
  postCustomerRefundWorkflow,
  voidCustomerRefundWorkflow,
} from "../../src/workflows/customer-refunds"
import { loadOrderSnapshots } from "../../src/workflows/order-accounting"
import {
  closeAccountingPeriodWorkflow,
  createAccountingPeriodWorkflow,
  updateAccountingSettingsWorkflow,
} from "../../src/workflows/setup"
import { backdate } from "./backdate"
import {
  cancelOrder,
  capturePayment,
  createCustomer,
  createCustomerGroup,
  editOrderLowerQuantity,
  ensureStore,
  getOrderTotals,
  placeOrder,
  receiveReturn,
  refundPayment,
} from "./store-fixture"

const CUSTOMERS = [
  { key: "ada", email: "ada@example.com", first_name: "Ada", last_name: "Lovelace", wholesale: true },
  { key: "grace", email: "grace@example.com", first_name: "Grace", last_name: "Hopper", wholesale: false },
  { key: "alan", email: "alan@example.com", first_name: "Alan", last_name: "Turing", wholesale: false },
  {
    key: "edsger",
    email: "edsger@example.com",
    first_name: "Edsger",
    last_name: "Dijkstra",
    wholesale: true,
  },
  {
    key: "barbara",
    email: "barbara@example.com",
    first_name: "Barbara",
    last_name: "Liskov",
    wholesale: false,
  },
  { key: "hedy", email: "hedy@example.com", first_name: "Hedy", last_name: "Lamarr", wholesale: false },
  {
    key: "katherine",
    email: "katherine@example.com",
    first_name: "Katherine",
    last_name: "Johnson",
    wholesale: false,
  },
  {
    key: "margaret",
    email: "margaret@example.com",
    first_name: "Margaret",
    last_name: "Hamilton",
    wholesale: false,
  },
] as const

type CustomerKey = (typeof CUSTOMERS)[number]["key"]

/** What happens to each demo order, `daysAgo` days before today. */
type Plan = {
  customer: CustomerKey
  currency: "usd" | "eur" | "jpy" | "kwd"
  widgets: number
  gadgets?: number
  daysAgo: number
  capture?: "full" | "partial"
  then?: "cancel" | "return" | "edit" | "refund"
}

const PLANS: Plan[] = [
  { customer: "ada", currency: "usd", widgets: 5, daysAgo: 118, capture: "full" },
  { customer: "ada", currency: "usd", widgets: 3, gadgets: 2, daysAgo: 95 },
  { customer: "ada", currency: "usd", widgets: 2, daysAgo: 40, capture: "partial" },
  { customer: "grace", currency: "usd", widgets: 3, daysAgo: 100, capture: "full", then: "return" },
  { customer: "grace", currency: "usd", widgets: 1, gadgets: 1, daysAgo: 20 },
  { customer: "alan", currency: "eur", widgets: 2, daysAgo: 85, capture: "full", then: "cancel" },
  { customer: "alan", currency: "eur", widgets: 3, daysAgo: 70, capture: "full", then: "edit" },
  { customer: "alan", currency: "eur", widgets: 1, daysAgo: 12 },
  { customer: "edsger", currency: "usd", widgets: 4, daysAgo: 65, capture: "partial" },
  { customer: "edsger", currency: "usd", widgets: 2, gadgets: 3, daysAgo: 33 },
  { customer: "edsger", currency: "usd", widgets: 1, daysAgo: 5 },
  { customer: "barbara", currency: "jpy", widgets: 2, daysAgo: 50, capture: "full", then: "refund" },
  { customer: "barbara", currency: "jpy", widgets: 1, daysAgo: 8 },
  { customer: "hedy", currency: "kwd", widgets: 2, gadgets: 1, daysAgo: 45, capture: "full" },
  { customer: "hedy", currency: "kwd", widgets: 1, daysAgo: 2 },
  { customer: "grace", currency: "usd", widgets: 2, daysAgo: 1, capture: "full" },
  // Paid, then lowered by an edit: an overpayment left for a refund (the admin demo, the e2e test).
  { customer: "grace", currency: "usd", widgets: 3, daysAgo: 15, capture: "full", then: "edit" },
  // Two open orders and an unapplied memo: applying a memo from the admin (the e2e tests).
  { customer: "katherine", currency: "usd", widgets: 2, daysAgo: 10 },
  { customer: "katherine", currency: "usd", widgets: 1, gadgets: 1, daysAgo: 6 },
  // A paid order and a large memo: refunds by every method, the card included (the e2e tests).
  { customer: "margaret", currency: "usd", widgets: 4, daysAgo: 9, capture: "full" },
]

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000)

/**
 * The demo store behind `npm run dev`: four currencies, eight customers, four
 * months of orders with partial captures, a cancellation, a return, an order
 * edit and a goodwill refund, each posted on its (back-dated) day; then
 * credit memos, customer refunds of every kind and a closed period. Runs
 * once; a second run changes nothing.
 */
export async function seedDemo(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const actor = { actor_id: null, origin: "seed" }

  const fixture = await ensureStore(container, { currencies: ["usd", "eur", "jpy", "kwd"] })
  const { data: periods } = await query.graph({ entity: "accounting_period", fields: ["id"] })
  if (periods.length) {
    logger.info("demo: already seeded")
    return
  }

  const wholesale = await createCustomerGroup(container, "Wholesale")
  const customers = {} as Record<CustomerKey, { id: string; email: string }>
  for (const c of CUSTOMERS) {
    customers[c.key] = await createCustomer(container, {
      email: c.email,
      first_name: c.first_name,
      last_name: c.last_name,
      group_ids: c.wholesale ? [wholesale] : [],
    })
  }
  // Subscribers stay out of the way while the history is written and dated;
  // each step is then posted explicitly on its day.
  await updateAccountingSettingsWorkflow(container).run({
    input: {
      update: {
        payment_terms: { default_days: 14, customer_groups: [{ customer_group_id: wholesale, days: 45 }] },
        posting: {
          orders: false,
          order_changes: false,
          cancellations: false,
          payments: false,
          refunds: false,
        },
      },
      ...actor,
    },
  })
  let entries = 0
  const step = async (orderId: string, what: Parameters<typeof backdate>[2], when: Date) => {
    await backdate(container, orderId, what, when)
    const [snapshot] = await loadOrderSnapshots(container, [orderId])
    entries += (await accounting.syncOrderLedger(snapshot, { origin: "seed", force: true })).posted.length
  }

  const orderIds: Record<string, string> = {}
  for (const [i, plan] of PLANS.entries()) {
    const customer = customers[plan.customer]
    const placed = await placeOrder(container, fixture, {
      customer_id: customer.id,
      email: customer.email,
      currency_code: plan.currency,
      items: [
        { variant_id: fixture.variant_ids.widget, quantity: plan.widgets },
        ...(plan.gadgets ? [{ variant_id: fixture.variant_ids.gadget, quantity: plan.gadgets }] : []),
      ],
    })
    orderIds[`${plan.customer}-${i}`] = placed.order_id
    await step(placed.order_id, "placed", daysAgo(plan.daysAgo))
    if (plan.capture) {
      // Half of the order, in whole units of the currency.
      const half = plan.capture === "partial" ? Math.floor(placed.total / 2) : undefined
      await capturePayment(container, placed.payment_id, half)
      await step(placed.order_id, "captured", daysAgo(plan.daysAgo - 1))
    }
    const totals = await getOrderTotals(container, placed.order_id)
    if (plan.then === "cancel") {
      await cancelOrder(container, placed.order_id)
      await step(placed.order_id, "canceled", daysAgo(plan.daysAgo - 3))
    } else if (plan.then === "return") {
      await receiveReturn(container, placed.order_id, [{ id: totals.items[0].id, quantity: 1 }])
      await step(placed.order_id, "changed", daysAgo(plan.daysAgo - 10))
      await refundPayment(container, placed.payment_id, 110, { note: "Returned widget" })
      await step(placed.order_id, "refunded", daysAgo(plan.daysAgo - 11))
    } else if (plan.then === "edit") {
      await editOrderLowerQuantity(container, placed.order_id, totals.items[0].id, plan.widgets - 1)
      await step(placed.order_id, "changed", daysAgo(plan.daysAgo - 4))
    } else if (plan.then === "refund") {
      await refundPayment(container, placed.payment_id, 1000, { note: "Goodwill: late delivery" })
      await step(placed.order_id, "refunded", daysAgo(plan.daysAgo - 6))
    }
  }
  await updateAccountingSettingsWorkflow(container).run({
    input: {
      update: {
        posting: { orders: true, order_changes: true, cancellations: true, payments: true, refunds: true },
      },
      ...actor,
    },
  })
  logger.info(`demo: ${PLANS.length} orders posted in ${entries} entries`)

  // Credit memos: one applied to an open order, one left to refund, one voided, one draft.
  const memo = async (
    customer: CustomerKey,
    currency: string,
    amount: string,
    date: string,
    reason: string,
    order_id?: string
  ) => {
    const { result } = await createCreditMemoWorkflow(container).run({
      input: {
        memo: {
          customer_id: customers[customer].id,
          currency_code: currency,
          memo_date: date,
          reason,
          order_id,
          lines: [{ kind: "adjustment", description: reason, amount }],
        },
        ...actor,
      },
    })
    return result
  }
  const d = (n: number) => toIsoDate(daysAgo(n))
  const adaOpen = orderIds["ada-1"]
  const priceAdjustment = await memo(
    "ada",
    "usd",
    "50",
    d(60),
    "Price adjustment: damaged packaging",
    adaOpen
  )
  await issueCreditMemoWorkflow(container).run({ input: { id: priceAdjustment, ...actor } })
  await applyCreditWorkflow(container).run({
    input: { credit_memo_id: priceAdjustment, order_id: adaOpen, amount: "50", date: d(59), ...actor },
  })
  const goodwill = await memo("edsger", "usd", "75", d(30), "Goodwill credit")
  await issueCreditMemoWorkflow(container).run({ input: { id: goodwill, ...actor } })
  const mistake = await memo("grace", "usd", "20", d(25), "Issued to the wrong customer")
  await issueCreditMemoWorkflow(container).run({ input: { id: mistake, ...actor } })
  await voidCreditMemoWorkflow(container).run({ input: { id: mistake, date: d(24), ...actor } })
  await memo("alan", "eur", "15", d(3), "Draft: shipping refund to review")
  const loyalty = await memo("katherine", "usd", "40", d(5), "Loyalty discount")
  await issueCreditMemoWorkflow(container).run({ input: { id: loyalty, ...actor } })
  const service = await memo("margaret", "usd", "500", d(4), "Service credit: installation delayed")
  await issueCreditMemoWorkflow(container).run({ input: { id: service, ...actor } })

  // Refunds: a check from the goodwill memo, the edited order's overpayment to
  // the card, store credit, a voided check and a draft.
  const refund = async (input: any, post = true) => {
    const { result: id } = await createCustomerRefundWorkflow(container).run({
      input: { refund: input, ...actor },
    })
    if (post) {
      await postCustomerRefundWorkflow(container).run({ input: { id, ...actor } })
    }
    return id
  }
  await refund({
    customer_id: customers.edsger.id,
    currency_code: "usd",
    refund_date: d(28),
    method: "check",
    reference: "CHK-10021",
    pay_to: "Edsger Dijkstra",
    lines: [{ source_type: "credit_memo", source_id: goodwill, amount: "40" }],
  })
  const credits = await accounting.listAvailableArCredits(customers.alan.id, "eur")
  const overpayment = credits.find((c) => c.source_type === "overpayment")
  if (overpayment) {
    const { data: alanOrders } = await query.graph({
      entity: "order",
      fields: ["id", "payment_collections.payments.id"],
      filters: { id: orderIds["alan-6"] },
    })
    await refund({
      customer_id: customers.alan.id,
      currency_code: "eur",
      refund_date: d(1),
      method: "card",
      payment_id: (alanOrders[0] as any).payment_collections[0].payments[0].id,
      reference: "Overpayment after order edit",
      lines: [
        {
          source_type: "overpayment",
          source_id: overpayment.source_id,
          amount: overpayment.remaining_amount,
        },
      ],
    })
  }
  await refund({
    customer_id: customers.edsger.id,
    currency_code: "usd",
    refund_date: d(20),
    method: "store_credit",
    memo: "Rest of the goodwill credit as store credit",
    lines: [{ source_type: "credit_memo", source_id: goodwill, amount: "20" }],
  })
  const voided = await refund({
    customer_id: customers.edsger.id,
    currency_code: "usd",
    refund_date: d(18),
    method: "eft",
    reference: "EFT-778",
    lines: [{ source_type: "credit_memo", source_id: goodwill, amount: "15" }],
  })
  await voidCustomerRefundWorkflow(container).run({ input: { id: voided, date: d(17), ...actor } })
  await refund(
    {
      customer_id: customers.edsger.id,
      currency_code: "usd",
      refund_date: d(0),
      method: "check",
      reference: "CHK-10022 (to print)",
      lines: [{ source_type: "credit_memo", source_id: goodwill, amount: "15" }],
    },
    false
  )

  // Monthly periods for the demo's months; the oldest is closed.
  const months = new Set(PLANS.map((p) => toIsoDate(daysAgo(p.daysAgo)).slice(0, 7)))
  months.add(toIsoDate(new Date()).slice(0, 7))
  const sorted = [...months].sort()
  for (const month of sorted) {
    const start = `${month}-01`
    const end = addDays(toIsoDate(new Date(Date.UTC(+month.slice(0, 4), +month.slice(5, 7), 1))), -1)
    const { result } = await createAccountingPeriodWorkflow(container).run({
      input: { name: month, start_date: start, end_date: end, ...actor },
    })
    if (month === sorted[0]) {
      await closeAccountingPeriodWorkflow(container).run({ input: { id: result.id, ...actor } })
    }
  }
  const verify = await accounting.verifyJournal()
  logger.info(
    `demo: seeded; journal verified (${verify.checked} entries, ${verify.valid ? "chain intact" : "BROKEN"})`
  )
}
