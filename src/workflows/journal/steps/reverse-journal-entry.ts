import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type AccountingModuleService from "../../../modules/accounting/service"
import type { ReverseInput } from "../../../modules/accounting/ledger/posting"

export const reverseJournalEntryStepId = "reverse-journal-entry"

/** Posts the Reversal entry; like any posting it is corrected only by another entry. */
export const reverseJournalEntryStep = createStep(
  reverseJournalEntryStepId,
  async (input: { id: string } & ReverseInput, { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const { id, ...reverse } = input
    const result = await accounting.reverseJournalEntry(id, reverse)
    return new StepResponse(result)
  }
)
