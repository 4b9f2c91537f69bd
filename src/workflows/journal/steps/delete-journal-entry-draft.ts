import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type AccountingModuleService from "../../../modules/accounting/service"
import type { Actor } from "../../../modules/accounting/ledger/audit"

export const deleteJournalEntryDraftStepId = "delete-journal-entry-draft"

/** Deletes a draft (posted entries refuse with IMMUTABLE). Last step: no compensation. */
export const deleteJournalEntryDraftStep = createStep(
  deleteJournalEntryDraftStepId,
  async (input: { id: string } & Actor, { container }) => {
    await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .deleteJournalEntryDraft(input.id, { actor_id: input.actor_id, origin: input.origin })
    return new StepResponse(input.id)
  }
)
