import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import { accountingDay } from "../../../modules/accounting/rules/dates"
import type AccountingModuleService from "../../../modules/accounting/service"
import type { OrderSnapshot } from "../../../modules/accounting/rules/order-recognition"

export const ORDER_SNAPSHOT_FIELDS = [
  "id",
  "display_id",
  "status",
  "version",
  "currency_code",
  "customer_id",
  "region_id",
  "sales_channel_id",
  "created_at",
  "canceled_at",
  // Totals are computed only when one of them is asked for.
  "total",
  "item_subtotal",
  "shipping_subtotal",
  "discount_subtotal",
  "tax_total",
  "items.is_giftcard",
  "items.subtotal",
  "items.raw_subtotal",
  "credit_lines.reference",
  "credit_lines.amount",
  "credit_lines.raw_amount",
  "customer.groups.id",
  "payment_collections.payments.id",
  "payment_collections.payments.provider_id",
  "payment_collections.payments.captures.id",
  "payment_collections.payments.captures.raw_amount",
  "payment_collections.payments.captures.created_at",
  "payment_collections.payments.refunds.id",
  "payment_collections.payments.refunds.raw_amount",
  "payment_collections.payments.refunds.created_at",
  "payment_collections.payments.refunds.metadata",
]

const raw = (row: any, field: string) => row[`raw_${field}`] ?? row[field] ?? 0

/**
 * Reads orders as the ledger needs them, a batch at a time (two queries per
 * batch, whatever its size, beside the clock's). Orders that do not exist are left out.
 */
export async function loadOrderSnapshots(
  container: MedusaContainer,
  ids: string[]
): Promise<OrderSnapshot[]> {
  if (!ids.length) {
    return []
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ timezone }, { data: orders }, { data: changes }] = await Promise.all([
    container.resolve<AccountingModuleService>(ACCOUNTING_MODULE).getClock(),
    query.graph({ entity: "order", fields: ORDER_SNAPSHOT_FIELDS, filters: { id: ids } }),
    query.graph({
      entity: "order_change",
      fields: ["order_id", "version", "confirmed_at", "change_type", "return_id"],
      filters: { order_id: ids, status: "confirmed" },
    }),
  ])
  // Every instant becomes the store's accounting day (its time zone).
  const day = (instant: string | Date) => accountingDay(instant, timezone)
  return orders.map((order: any): OrderSnapshot => {
    const ofOrder = changes
      .filter((c: any) => c.order_id === order.id && c.confirmed_at && c.version <= order.version)
      .sort((a: any, b: any) => a.version - b.version)
    const confirmed = ofOrder.map((c: any) => day(c.confirmed_at)).sort()
    const orderDate = day(order.created_at)
    return {
      id: order.id,
      display_id: order.display_id,
      status: order.status,
      version: order.version,
      currency_code: order.currency_code,
      customer_id: order.customer_id ?? `guest:${order.id}`,
      region_id: order.region_id,
      sales_channel_id: order.sales_channel_id,
      customer_group_ids: (order.customer?.groups ?? []).map((g: any) => g.id),
      order_date: orderDate,
      change_date:
        order.status === "canceled" && order.canceled_at
          ? day(order.canceled_at)
          : (confirmed[confirmed.length - 1] ?? orderDate),
      totals: {
        item_subtotal: raw(order, "item_subtotal"),
        shipping_subtotal: raw(order, "shipping_subtotal"),
        discount_subtotal: raw(order, "discount_subtotal"),
        tax_total: raw(order, "tax_total"),
        total: raw(order, "total"),
        gift_card_subtotal: MathBN.sum(
          0,
          ...(order.items ?? []).filter((i: any) => i.is_giftcard).map((i: any) => raw(i, "subtotal"))
        ).toString(),
      },
      returns_received: ofOrder
        .filter((c: any) => c.change_type === "return_receive" && c.return_id)
        .map((c: any) => ({ return_id: c.return_id, date: day(c.confirmed_at) })),
      credit_lines: (order.credit_lines ?? []).map((l: any) => ({
        reference: l.reference,
        amount: raw(l, "amount"),
      })),
      payments: (order.payment_collections ?? [])
        .flatMap((pc: any) => pc.payments ?? [])
        .map((p: any) => ({
          id: p.id,
          provider_id: p.provider_id,
          captures: (p.captures ?? []).map((c: any) => ({
            id: c.id,
            amount: raw(c, "amount"),
            date: day(c.created_at),
          })),
          refunds: (p.refunds ?? []).map((r: any) => ({
            id: r.id,
            amount: raw(r, "amount"),
            date: day(r.created_at),
            customer_refund_id: r.metadata?.accounting_customer_refund_id ?? null,
          })),
        })),
    }
  })
}

export const loadOrderSnapshotStepId = "load-order-accounting-snapshot"

export const loadOrderSnapshotStep = createStep(
  loadOrderSnapshotStepId,
  async (input: { order_id: string }, { container }) => {
    const [snapshot] = await loadOrderSnapshots(container, [input.order_id])
    return new StepResponse(snapshot ?? null)
  }
)
