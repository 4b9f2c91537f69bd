import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import { reverseJournalEntryStep } from "../steps/reverse-journal-entry"
import { validateJournalEntryStep } from "../steps/validate-journal-entry"

export type ReverseJournalEntryWorkflowInput = {
  id: string
  date: string
  memo?: string | null
  actor_id?: string | null
  origin?: string
}

export const reverseJournalEntryWorkflowId = "reverse-journal-entry"

/**
 * Reverses a posted entry with its mirror dated `date` (on or after the
 * original, in an open period). Hooks: `journalEntryReversalValidated` and
 * `journalEntryReversed`.
 */
export const reverseJournalEntryWorkflow = createWorkflow(
  reverseJournalEntryWorkflowId,
  (input: ReverseJournalEntryWorkflowInput) => {
    const entry = validateJournalEntryStep({ id: input.id, expected_status: "posted" })
    const journalEntryReversalValidated = createHook("journalEntryReversalValidated", { entry, input })
    const result = reverseJournalEntryStep(input)
    const journalEntryReversed = createHook("journalEntryReversed", { result, input })
    emitEventStep({
      eventName: AccountingEvents.JOURNAL_ENTRY_REVERSED,
      data: transform({ result }, ({ result }) => ({
        id: result.original.id,
        reversal_id: result.reversal.id,
      })),
    })
    return new WorkflowResponse(result, {
      hooks: [journalEntryReversalValidated, journalEntryReversed],
    })
  }
)
