import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import { ApprovalInput, approveDocumentStep } from "../steps/approve-document"

export const approveDocumentWorkflowId = "approve-accounting-document"

/**
 * The checker's half of maker-checker: a second user holding the type's
 * `…:approve` permission approves a draft above the threshold, which may
 * then be posted (any later edit needs a fresh approval). Refused with
 * SAME_USER_APPROVAL for the draft's creator. Hook `documentApproved`.
 */
export const approveDocumentWorkflow = createWorkflow(approveDocumentWorkflowId, (input: ApprovalInput) => {
  const result = approveDocumentStep(input)
  const documentApproved = createHook("documentApproved", { result, input })
  emitEventStep({ eventName: AccountingEvents.DOCUMENT_APPROVED, data: result })
  return new WorkflowResponse(result, { hooks: [documentApproved] })
})
