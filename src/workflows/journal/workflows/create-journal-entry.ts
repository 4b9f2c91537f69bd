import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { EntryInput } from "../../../modules/accounting/ledger/posting"
import { createJournalEntryDraftStep } from "../steps/create-journal-entry-draft"

export type CreateJournalEntryWorkflowInput = EntryInput

export const createJournalEntryWorkflowId = "create-journal-entry"

/**
 * Saves a manual journal entry as a draft (balanced, on active accounts).
 * Hook `journalEntryCreated` runs after the draft is saved; throw from it to
 * roll the draft back.
 */
export const createJournalEntryWorkflow = createWorkflow(
  createJournalEntryWorkflowId,
  (input: CreateJournalEntryWorkflowInput) => {
    const entry = createJournalEntryDraftStep(input)
    const journalEntryCreated = createHook("journalEntryCreated", { entry, input })
    return new WorkflowResponse(entry, { hooks: [journalEntryCreated] })
  }
)
