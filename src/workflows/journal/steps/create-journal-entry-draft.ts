import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type AccountingModuleService from "../../../modules/accounting/service"
import type { EntryInput } from "../../../modules/accounting/ledger/posting"

export const createJournalEntryDraftStepId = "create-journal-entry-draft"

export const createJournalEntryDraftStep = createStep(
  createJournalEntryDraftStepId,
  async (input: EntryInput, { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const entry = await accounting.createJournalEntryDraft(input)
    return new StepResponse(entry, entry.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    await accounting.deleteJournalEntries(id)
  }
)
