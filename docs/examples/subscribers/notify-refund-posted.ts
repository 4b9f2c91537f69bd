import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ACCOUNTING_MODULE, AccountingModuleService } from "medusa-accounting-ar/modules/accounting"
import type { AccountingEventPayloads } from "medusa-accounting-ar/workflows"

type RefundPosted = AccountingEventPayloads["accounting.customer_refund.posted"]

/** Tells an external system (ERP, Slack, a webhook) about each posted customer refund. */
export default async function notifyRefundPosted({ event, container }: SubscriberArgs<RefundPosted>) {
  const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const refund = await accounting.retrieveCustomerRefund(event.data.id)
  const response = await fetch(process.env.REFUND_WEBHOOK_URL!, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      number: refund.number,
      customer_id: refund.customer_id,
      currency_code: refund.currency_code,
      total: String(refund.total),
      method: refund.method,
      refund_date: refund.refund_date,
    }),
  })
  if (!response.ok) {
    // Thrown errors make the event bus retry (with the Redis event bus).
    throw new Error(`Refund webhook answered ${response.status}`)
  }
}

export const config: SubscriberConfig = {
  event: "accounting.customer_refund.posted",
}
