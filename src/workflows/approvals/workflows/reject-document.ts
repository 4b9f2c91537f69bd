import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { ApprovalInput } from "../steps/approve-document"
import { rejectDocumentStep } from "../steps/reject-document"

export const rejectDocumentWorkflowId = "reject-accounting-document"

/** Refuses a draft awaiting approval, with the reason its creator sees. Hook `documentRejected`. */
export const rejectDocumentWorkflow = createWorkflow(
  rejectDocumentWorkflowId,
  (input: ApprovalInput & { reason: string }) => {
    const result = rejectDocumentStep(input)
    const documentRejected = createHook("documentRejected", { result, input })
    emitEventStep({ eventName: AccountingEvents.DOCUMENT_REJECTED, data: result })
    return new WorkflowResponse(result, { hooks: [documentRejected] })
  }
)
