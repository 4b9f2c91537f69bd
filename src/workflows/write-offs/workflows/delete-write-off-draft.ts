import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { deleteWriteOffDraftStep } from "../steps/delete-write-off-draft"

export const deleteWriteOffDraftWorkflowId = "delete-write-off-draft"

/** Deletes a draft write-off (awaiting approval or rejected). Hook `writeOffDraftDeleted`. */
export const deleteWriteOffDraftWorkflow = createWorkflow(
  deleteWriteOffDraftWorkflowId,
  (input: { id: string } & Actor) => {
    const id = deleteWriteOffDraftStep(input)
    const writeOffDraftDeleted = createHook("writeOffDraftDeleted", { id, input })
    return new WorkflowResponse(id, { hooks: [writeOffDraftDeleted] })
  }
)
