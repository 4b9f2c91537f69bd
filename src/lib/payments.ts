import type { MedusaContainer, PaymentDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import type { RefundContext } from "../modules/accounting/ar/customer-refunds"
import type { ReceivedPaymentContext } from "../modules/accounting/ar/received-payments"

/** What is left to refund of a Medusa payment: captured - refunded. */
export function refundableOf(payment: { captures?: any[] | null; refunds?: any[] | null }) {
  const captured = MathBN.sum(...(payment.captures ?? []).map((c: any) => c.raw_amount), 0)
  return MathBN.sub(captured, MathBN.sum(...(payment.refunds ?? []).map((r: any) => r.raw_amount), 0))
}

/** The Medusa payments card refunds go back to, by id, in one query. */
export async function loadPayments(
  container: MedusaContainer,
  ids: string[]
): Promise<Map<string, NonNullable<RefundContext["payment"]>>> {
  if (!ids.length) {
    return new Map()
  }
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "payment",
    fields: [
      "id",
      "provider_id",
      "currency_code",
      "captures.raw_amount",
      "refunds.raw_amount",
      "payment_collection.order.id",
      "payment_collection.order.customer_id",
    ],
    filters: { id: ids },
  })
  return new Map(
    data.map((payment) => [
      payment.id,
      {
        id: payment.id,
        provider_id: payment.provider_id,
        currency_code: payment.currency_code,
        customer_id: payment.payment_collection?.order?.customer_id ?? null,
        order_id: payment.payment_collection?.order?.id ?? null,
        refundable: refundableOf(payment).toString(),
      },
    ])
  )
}

/** Every Medusa refund of some orders (to check they are all booked), by order id. */
export async function loadOrderRefunds(container: MedusaContainer, orderIds: string[]) {
  const refunds: Record<string, string[]> = {}
  if (!orderIds.length) {
    return refunds
  }
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "payment_collections.payments.refunds.id"],
    filters: { id: orderIds },
  })
  for (const order of data) {
    refunds[order.id] = (order.payment_collections ?? [])
      .flatMap((pc: any) => pc.payments ?? [])
      .flatMap((p: any) => (p.refunds ?? []).map((r: any) => r.id))
  }
  return refunds
}

/** The fields of a payment loadMedusaPaymentClaim asks query.graph for. */
type MedusaPaymentClaimRow = Pick<PaymentDTO, "id" | "currency_code"> & {
  captures?: ({ id: string } | null)[] | null
  payment_collection?: { order?: { id: string } | null } | null
}

/** A Medusa payment a received payment claims (manual provider): its order and capture ids. */
export async function loadMedusaPaymentClaim(
  container: MedusaContainer,
  id: string | null | undefined
): Promise<ReceivedPaymentContext["medusa_payment"]> {
  if (!id) {
    return null
  }
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "payment",
    fields: ["id", "currency_code", "captures.id", "payment_collection.order.id"],
    filters: { id },
  })
  const payment: MedusaPaymentClaimRow | undefined = data[0]
  return payment
    ? {
        id: payment.id,
        currency_code: payment.currency_code,
        order_id: payment.payment_collection?.order?.id ?? null,
        capture_ids: (payment.captures ?? []).flatMap((c) => (c ? [c.id] : [])),
      }
    : null
}
