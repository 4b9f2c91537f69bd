import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { reverseStoreCreditStep } from "../steps/reverse-store-credit"
import { validateCustomerRefundStatusStep } from "../steps/validate-customer-refund-status"
import { voidCustomerRefundStep } from "../steps/void-customer-refund"

export type VoidCustomerRefundWorkflowInput = {
  id: string
  date: string
  record_only?: boolean
  reason?: string | null
} & Actor

export const voidCustomerRefundWorkflowId = "void-customer-refund"

/**
 * Voids a posted refund on `date`: Reversed/Reversal pair, credits available
 * again. Store credit the refund moved is taken back first; a card refund is
 * voided only `record_only` with a reason (the provider reports the refund
 * failed or came back). Hooks `refundVoidValidated` and `refundVoided`;
 * event accounting.customer_refund.voided.
 */
export const voidCustomerRefundWorkflow = createWorkflow(
  voidCustomerRefundWorkflowId,
  (input: VoidCustomerRefundWorkflowInput) => {
    const refund = validateCustomerRefundStatusStep({ id: input.id, expected_status: "posted" })
    const refundVoidValidated = createHook("refundVoidValidated", { refund, input })
    const reversed = reverseStoreCreditStep(
      transform({ refund }, ({ refund }) => ({ id: refund.id, number: refund.number }))
    )
    const id = voidCustomerRefundStep(
      transform({ input, reversed }, ({ input, reversed }) => ({ ...input, store_credit_reversed: reversed }))
    )
    const refundVoided = createHook("refundVoided", { id, input })
    emitEventStep({ eventName: AccountingEvents.CUSTOMER_REFUND_VOIDED, data: { id: input.id } })
    return new WorkflowResponse(id, { hooks: [refundVoidValidated, refundVoided] })
  }
)
