import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runOrderSync } from "../workflows/order-accounting"

/** Captures and refunds (payload: the payment id) post through their order. */
export default async function paymentAccountingHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment",
    fields: ["id", "payment_collection.order.id"],
    filters: { id: event.data.id },
  })
  const payment: { payment_collection?: { order?: { id: string } | null } | null } | undefined = data[0]
  const orderId = payment?.payment_collection?.order?.id
  if (orderId) {
    await runOrderSync(container, orderId, { eventName: event.name })
  }
}

export const config: SubscriberConfig = {
  event: ["payment.captured", "payment.refunded"],
  context: { subscriberId: "accounting-payment-sync" },
}
