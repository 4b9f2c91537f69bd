import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { runOrderSync } from "../workflows/order-accounting"

/** Every order event that can change what the order owes: post the difference. */
export default async function orderAccountingHandler({
  event,
  container,
}: SubscriberArgs<{ id?: string; order_id?: string }>) {
  const orderId = event.data.order_id ?? event.data.id
  if (orderId) {
    await runOrderSync(container, orderId, { eventName: event.name })
  }
}

export const config: SubscriberConfig = {
  event: [
    "order.placed",
    "order.canceled",
    "order.updated",
    "order.return_received",
    "order.claim_created",
    "order.exchange_created",
    "order-edit.confirmed",
    // Medusa's order transfer: the open items follow the order to its new customer.
    "order.transfer_requested",
  ],
  context: { subscriberId: "accounting-order-sync" },
}
