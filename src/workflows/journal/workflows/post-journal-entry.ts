import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import { postJournalEntryStep } from "../steps/post-journal-entry"
import { validateJournalEntryStep } from "../steps/validate-journal-entry"

export type PostJournalEntryWorkflowInput = {
  id: string
  actor_id?: string | null
  origin?: string
}

export const postJournalEntryWorkflowId = "post-journal-entry"

/**
 * Posts a draft journal entry. Hooks: `journalEntryValidated` (before the
 * posting: throw to refuse it) and `journalEntryPosted` (after).
 */
export const postJournalEntryWorkflow = createWorkflow(
  postJournalEntryWorkflowId,
  (input: PostJournalEntryWorkflowInput) => {
    const draft = validateJournalEntryStep({ id: input.id, expected_status: "draft" })
    const journalEntryValidated = createHook("journalEntryValidated", { entry: draft, input })
    const entry = postJournalEntryStep(input)
    const journalEntryPosted = createHook("journalEntryPosted", { entry, input })
    emitEventStep({
      eventName: AccountingEvents.JOURNAL_ENTRY_POSTED,
      data: transform({ entry }, ({ entry }) => ({ id: entry.id })),
    })
    return new WorkflowResponse(entry, { hooks: [journalEntryValidated, journalEntryPosted] })
  }
)
