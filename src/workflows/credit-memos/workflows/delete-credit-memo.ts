import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { deleteCreditMemoStep } from "../steps/delete-credit-memo"

export const deleteCreditMemoWorkflowId = "delete-credit-memo"

/** Discards a draft memo; an issued one refuses with IMMUTABLE (void it). Hook `creditMemoDeleted`. */
export const deleteCreditMemoWorkflow = createWorkflow(
  deleteCreditMemoWorkflowId,
  (input: { id: string } & Actor) => {
    const id = deleteCreditMemoStep(input)
    const creditMemoDeleted = createHook("creditMemoDeleted", { id })
    return new WorkflowResponse(id, { hooks: [creditMemoDeleted] })
  }
)
