import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ACCOUNTING_MODULE } from "../modules/accounting"
import type AccountingModuleService from "../modules/accounting/service"
import { runOrderSync } from "../workflows/order-accounting"

/** The fields of the payment the handler asks query.graph for. */
type PaymentRow = {
  captures?: ({ id: string } | null)[] | null
  payment_collection?: { order?: { id: string } | null } | null
}

/**
 * Captures and refunds (payload: the payment id) post through their order.
 * A capture whose order was synced after it (a worker catching up on a
 * backlog posts placement and capture at once) is already booked: its event
 * then costs one query instead of the order's whole sync.
 */
export default async function paymentAccountingHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment",
    fields: ["id", "captures.id", "payment_collection.order.id"],
    filters: { id: event.data.id },
  })
  const payment: PaymentRow | undefined = data[0]
  const orderId = payment?.payment_collection?.order?.id
  if (!orderId) {
    return
  }
  const captureIds = (payment?.captures ?? []).flatMap((c) => (c ? [c.id] : []))
  if (
    event.name === "payment.captured" &&
    (await container.resolve<AccountingModuleService>(ACCOUNTING_MODULE).capturesBooked(captureIds))
  ) {
    return
  }
  await runOrderSync(container, orderId, { eventName: event.name })
}

export const config: SubscriberConfig = {
  event: ["payment.captured", "payment.refunded"],
  context: { subscriberId: "accounting-payment-sync" },
}
