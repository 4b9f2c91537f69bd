import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ACCOUNTING_MODULE } from "../modules/accounting"
import type AccountingModuleService from "../modules/accounting/service"
import { runOrderSync } from "../workflows/order-accounting"

/**
 * Captures and refunds (payload: the payment id) post through their order.
 * A capture whose order was synced after it (a worker catching up on a
 * backlog posts placement and capture at once) is already booked: its event
 * then costs two single-table reads (the payment's captures, our documents)
 * instead of the order's whole sync.
 */
export default async function paymentAccountingHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  if (event.name === "payment.captured") {
    const captures = await container
      .resolve(Modules.PAYMENT)
      .listCaptures({ payment_id: event.data.id }, { select: ["id"] })
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    if (await accounting.capturesBooked(captures.map((c) => c.id))) {
      return
    }
  }
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "payment",
    fields: ["id", "payment_collection.order.id"],
    filters: { id: event.data.id },
  })
  const orderId: string | undefined = data[0]?.payment_collection?.order?.id
  if (orderId) {
    await runOrderSync(container, orderId, { eventName: event.name })
  }
}

export const config: SubscriberConfig = {
  event: ["payment.captured", "payment.refunded"],
  context: { subscriberId: "accounting-payment-sync" },
}
