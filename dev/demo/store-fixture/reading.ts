import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { graph, num } from "./common"

/** Amounts are numbers in major units, as the Admin API serializes them (10.5 = $10.50). */
export type OrderTotals = {
  id: string
  status: string
  version: number
  currency_code: string
  total: number
  subtotal: number
  tax_total: number
  item_subtotal: number
  shipping_subtotal: number
  discount_subtotal: number
  credit_line_total: number
  summary: {
    pending_difference: number
    paid_total: number
    refunded_total: number
    transaction_total: number
    current_order_total: number
    original_order_total: number
  }
  items: { id: string; quantity: number }[]
  payment_collections: {
    id: string
    payments: {
      id: string
      amount: number
      provider_id: string
      captures: { id: string; amount: number }[]
      refunds: { id: string; amount: number }[]
    }[]
  }[]
}

type AmountRow = { id: string; amount: BigNumberInput }
type OrderRow = Record<"id" | "status" | "currency_code", string> &
  Record<
    | "total"
    | "subtotal"
    | "tax_total"
    | "item_subtotal"
    | "shipping_subtotal"
    | "discount_subtotal"
    | "credit_line_total",
    BigNumberInput
  > & {
    version: number
    summary?: Partial<Record<keyof OrderTotals["summary"], BigNumberInput>>
    items?: { id: string; quantity: BigNumberInput }[]
    payment_collections?: {
      id: string
      payments?: (AmountRow & { provider_id: string; captures?: AmountRow[]; refunds?: AmountRow[] })[]
    }[]
  }

export const amounts = (rows: AmountRow[] | undefined) =>
  (rows ?? []).map((r) => ({ id: r.id, amount: num(r.amount) }))

/** The order as the accounting side sees it (totals are computed on read for the current version). */
export async function getOrderTotals(container: MedusaContainer, order_id: string): Promise<OrderTotals> {
  const [o] = await graph<OrderRow>(container, {
    entity: "order",
    fields: [
      "id",
      "status",
      "version",
      "currency_code",
      "total",
      "subtotal",
      "tax_total",
      "item_subtotal",
      "shipping_subtotal",
      "discount_subtotal",
      "credit_line_total",
      "summary.*",
      "items.id",
      "items.quantity",
      "payment_collections.id",
      "payment_collections.payments.id",
      "payment_collections.payments.amount",
      "payment_collections.payments.provider_id",
      "payment_collections.payments.captures.id",
      "payment_collections.payments.captures.amount",
      "payment_collections.payments.refunds.id",
      "payment_collections.payments.refunds.amount",
    ],
    filters: { id: order_id },
  })
  if (!o) {
    throw new Error(`store-fixture: order ${order_id} not found`)
  }
  const summary = o.summary ?? {}
  return {
    id: o.id,
    status: o.status,
    version: o.version,
    currency_code: o.currency_code,
    total: num(o.total),
    subtotal: num(o.subtotal),
    tax_total: num(o.tax_total),
    item_subtotal: num(o.item_subtotal),
    shipping_subtotal: num(o.shipping_subtotal),
    discount_subtotal: num(o.discount_subtotal),
    credit_line_total: num(o.credit_line_total),
    summary: {
      pending_difference: num(summary.pending_difference),
      paid_total: num(summary.paid_total),
      refunded_total: num(summary.refunded_total),
      transaction_total: num(summary.transaction_total),
      current_order_total: num(summary.current_order_total),
      original_order_total: num(summary.original_order_total),
    },
    items: (o.items ?? []).map((i) => ({ id: i.id, quantity: num(i.quantity) })),
    payment_collections: (o.payment_collections ?? []).map((pc) => ({
      id: pc.id,
      payments: (pc.payments ?? []).map((p) => ({
        id: p.id,
        amount: num(p.amount),
        provider_id: p.provider_id,
        captures: amounts(p.captures),
        refunds: amounts(p.refunds),
      })),
    })),
  }
}
