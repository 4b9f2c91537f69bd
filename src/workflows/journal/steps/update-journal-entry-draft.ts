import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type AccountingModuleService from "../../../modules/accounting/service"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type { DraftUpdate } from "../../../modules/accounting/ledger/posting"

export const updateJournalEntryDraftStepId = "update-journal-entry-draft"

export const updateJournalEntryDraftStep = createStep(
  updateJournalEntryDraftStepId,
  async (input: { id: string; update: DraftUpdate } & Actor, { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const before = await accounting.retrieveJournalEntry(input.id, { relations: ["lines"] })
    const entry = await accounting.updateJournalEntryDraft(input.id, input.update, {
      actor_id: input.actor_id,
      origin: input.origin,
    })
    const previous: DraftUpdate = {
      entry_date: before.entry_date,
      memo: before.memo,
      lines: [...before.lines]
        .sort((a: any, b: any) => a.line_no - b.line_no)
        .map((l: any) => ({
          account_id: l.account_id,
          debit: l.raw_debit,
          credit: l.raw_credit,
          description: l.description,
          customer_id: l.customer_id,
          order_id: l.order_id,
        })),
    }
    return new StepResponse(entry, { id: input.id, previous })
  },
  async (data, { container }) => {
    if (data) {
      await container
        .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
        .updateJournalEntryDraft(data.id, data.previous, { origin: "compensation" })
    }
  }
)
