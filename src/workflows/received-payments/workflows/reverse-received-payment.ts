import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { PaymentReversalInput } from "../../../modules/accounting/ar/received-payments"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { reverseReceivedPaymentStep } from "../steps/reverse-received-payment"

export const reverseReceivedPaymentWorkflowId = "reverse-received-payment"

/**
 * Reverses a received payment (bounced check, chargeback, entered in error)
 * on a date on or after it: the GL mirrors the payment, the orders it paid
 * are open again, the kind and reason are kept. Hooks
 * `receivedPaymentReversing` and `receivedPaymentReversed`.
 */
export const reverseReceivedPaymentWorkflow = createWorkflow(
  reverseReceivedPaymentWorkflowId,
  (input: { id: string } & PaymentReversalInput & Actor) => {
    const receivedPaymentReversing = createHook("receivedPaymentReversing", { input })
    const id = reverseReceivedPaymentStep(input)
    const receivedPaymentReversed = createHook("receivedPaymentReversed", { id, input })
    emitEventStep({ eventName: AccountingEvents.RECEIVED_PAYMENT_REVERSED, data: { id: input.id } })
    return new WorkflowResponse(id, { hooks: [receivedPaymentReversing, receivedPaymentReversed] })
  }
)
