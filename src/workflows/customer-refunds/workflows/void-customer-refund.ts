import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { validateCustomerRefundStatusStep } from "../steps/validate-customer-refund-status"
import { voidCustomerRefundStep } from "../steps/void-customer-refund"

export type VoidCustomerRefundWorkflowInput = { id: string; date: string; record_only?: boolean } & Actor

export const voidCustomerRefundWorkflowId = "void-customer-refund"

/**
 * Voids a posted refund on `date`: Reversed/Reversal pair, credits available
 * again. A card or store-credit refund needs `record_only`. Hooks
 * `refundVoidValidated` and `refundVoided`; event accounting.customer_refund.voided.
 */
export const voidCustomerRefundWorkflow = createWorkflow(
  voidCustomerRefundWorkflowId,
  (input: VoidCustomerRefundWorkflowInput) => {
    const refund = validateCustomerRefundStatusStep({ id: input.id, expected_status: "posted" })
    const refundVoidValidated = createHook("refundVoidValidated", { refund, input })
    const id = voidCustomerRefundStep(input)
    const refundVoided = createHook("refundVoided", { id, input })
    emitEventStep({ eventName: AccountingEvents.CUSTOMER_REFUND_VOIDED, data: { id: input.id } })
    return new WorkflowResponse(id, { hooks: [refundVoidValidated, refundVoided] })
  }
)
