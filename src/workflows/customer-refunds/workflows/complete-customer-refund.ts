import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { MoneyMoved } from "../../../modules/accounting/ar/customer-refunds"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { completeCustomerRefundStep } from "../steps/complete-customer-refund"

export type CompleteCustomerRefundWorkflowInput = { id: string; moved?: MoneyMoved } & Actor

export const completeCustomerRefundWorkflowId = "complete-customer-refund-posting"

/**
 * Books a reserved refund: number, journal entry, credits consumed. Run by
 * the post workflow once money moved, and by the posting-retry job until it
 * succeeds (idempotent). Hook `refundPosted`; event accounting.customer_refund.posted.
 * A failing hook handler cannot undo a payout: the refund stays posted.
 */
export const completeCustomerRefundWorkflow = createWorkflow(
  completeCustomerRefundWorkflowId,
  (input: CompleteCustomerRefundWorkflowInput) => {
    const result = completeCustomerRefundStep(input)
    emitEventStep({ eventName: AccountingEvents.CUSTOMER_REFUND_POSTED, data: { id: input.id } })
    const refundPosted = createHook("refundPosted", { id: input.id, result, input })
    return new WorkflowResponse(result, { hooks: [refundPosted] })
  }
)
