import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { deleteJournalEntryDraftStep } from "../steps/delete-journal-entry-draft"
import { validateJournalEntryStep } from "../steps/validate-journal-entry"

export const deleteJournalEntryWorkflowId = "delete-journal-entry"

/** Deletes a draft entry; a posted one refuses with IMMUTABLE. Hook `journalEntryDeletionValidated`. */
export const deleteJournalEntryWorkflow = createWorkflow(
  deleteJournalEntryWorkflowId,
  (input: { id: string } & Actor) => {
    const entry = validateJournalEntryStep({
      id: input.id,
      expected_status: "draft",
      refusal_code: "IMMUTABLE",
    })
    const journalEntryDeletionValidated = createHook("journalEntryDeletionValidated", { entry })
    const id = deleteJournalEntryDraftStep(input)
    return new WorkflowResponse(id, { hooks: [journalEntryDeletionValidated] })
  }
)
