import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import { refundCustomerDepositStep, RefundCustomerDepositStepInput } from "../steps/refund-customer-deposit"

export const refundCustomerDepositWorkflowId = "refund-customer-deposit"

/**
 * Pays back (part of) what remains of a deposit by check, bank transfer or
 * cash (Dr Customer Advances / Cr the method's account). Hooks
 * `customerDepositRefunding` (last chance to refuse) and
 * `customerDepositRefunded`; event accounting.customer_deposit.refunded.
 */
export const refundCustomerDepositWorkflow = createWorkflow(
  refundCustomerDepositWorkflowId,
  (input: RefundCustomerDepositStepInput) => {
    const customerDepositRefunding = createHook("customerDepositRefunding", { input })
    const result = refundCustomerDepositStep(input)
    const customerDepositRefunded = createHook("customerDepositRefunded", { result, input })
    emitEventStep({ eventName: AccountingEvents.CUSTOMER_DEPOSIT_REFUNDED, data: result })
    return new WorkflowResponse(result, { hooks: [customerDepositRefunding, customerDepositRefunded] })
  }
)
