import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { refundableOf } from "../../lib/payments"

export type RefundablePayment = {
  id: string
  order_id: string
  order_display_id: number | null
  provider_id: string
  currency_code: string
  refundable: string
}

/** Captured payments of some orders with what can still go back to the card. */
export async function refundablePayments(
  container: MedusaContainer,
  filters: Record<string, unknown>,
  take = 50
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "payment_collections.payments.id",
      "payment_collections.payments.provider_id",
      "payment_collections.payments.currency_code",
      "payment_collections.payments.captures.raw_amount",
      "payment_collections.payments.refunds.raw_amount",
    ],
    filters,
    pagination: { take, skip: 0, order: { created_at: "DESC" } },
  })
  const payments: RefundablePayment[] = []
  for (const order of data) {
    for (const p of (order.payment_collections ?? []).flatMap((pc: any) => pc.payments ?? [])) {
      const refundable = refundableOf(p)
      if (MathBN.gt(refundable, 0)) {
        payments.push({
          id: p.id,
          order_id: order.id,
          order_display_id: order.display_id === null || order.display_id === undefined ? null : Number(order.display_id),
          provider_id: p.provider_id,
          currency_code: p.currency_code,
          refundable: refundable.toFixed(),
        })
      }
    }
  }
  return payments
}
