import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type { DraftUpdate } from "../../../modules/accounting/ledger/posting"
import { updateJournalEntryDraftStep } from "../steps/update-journal-entry-draft"
import { validateJournalEntryStep } from "../steps/validate-journal-entry"

export const updateJournalEntryWorkflowId = "update-journal-entry"

/** Edits a draft entry; a posted one refuses with IMMUTABLE. Hook `journalEntryUpdated`. */
export const updateJournalEntryWorkflow = createWorkflow(
  updateJournalEntryWorkflowId,
  (input: { id: string; update: DraftUpdate } & Actor) => {
    validateJournalEntryStep({ id: input.id, expected_status: "draft", refusal_code: "IMMUTABLE" })
    const entry = updateJournalEntryDraftStep(input)
    const journalEntryUpdated = createHook("journalEntryUpdated", { entry })
    return new WorkflowResponse(entry, { hooks: [journalEntryUpdated] })
  }
)
