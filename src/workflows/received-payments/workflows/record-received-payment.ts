import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import { loadPaymentClaimStep } from "../steps/load-payment-claim"
import { recordReceivedPaymentStep, RecordReceivedPaymentStepInput } from "../steps/record-received-payment"

export const recordReceivedPaymentWorkflowId = "record-received-payment"

/**
 * Records a payment received outside Medusa and posts it (Dr the method's
 * account / Cr AR), allocated to the customer's open orders (given, or oldest
 * due first); the rest stays an unapplied credit. Hooks
 * `receivedPaymentValidated` (before anything is written) and
 * `receivedPaymentPosted`; event accounting.received_payment.posted.
 */
export const recordReceivedPaymentWorkflow = createWorkflow(
  recordReceivedPaymentWorkflowId,
  (input: Omit<RecordReceivedPaymentStepInput, "medusa_payment">) => {
    const medusaPayment = loadPaymentClaimStep({ medusa_payment_id: input.payment.medusa_payment_id })
    const receivedPaymentValidated = createHook("receivedPaymentValidated", {
      input,
      medusa_payment: medusaPayment,
    })
    const result = recordReceivedPaymentStep(
      transform({ input, medusaPayment }, ({ input, medusaPayment }) => ({ ...input, medusa_payment: medusaPayment }))
    )
    const receivedPaymentPosted = createHook("receivedPaymentPosted", { result, input })
    emitEventStep({ eventName: AccountingEvents.RECEIVED_PAYMENT_POSTED, data: result })
    return new WorkflowResponse(result, { hooks: [receivedPaymentValidated, receivedPaymentPosted] })
  }
)
