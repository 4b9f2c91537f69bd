import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type AccountingModuleService from "../../../modules/accounting/service"
import type { Actor } from "../../../modules/accounting/ledger/audit"

export const postJournalEntryStepId = "post-journal-entry"

/**
 * Seals a draft (number, hash). Posting is the last write of its workflow and
 * has no compensation: a posted entry is only ever undone by a reversal.
 */
export const postJournalEntryStep = createStep(
  postJournalEntryStepId,
  async (input: { id: string } & Actor, { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const entry = await accounting.postJournalEntry(input.id, {
      actor_id: input.actor_id,
      origin: input.origin,
    })
    return new StepResponse(entry)
  }
)
