import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import { AccountingError, AccountingErrorCode } from "../../../modules/accounting/errors"
import type AccountingModuleService from "../../../modules/accounting/service"

export const validateJournalEntryStepId = "validate-journal-entry"

/** Loads the entry a workflow acts on and checks the status it expects. */
export const validateJournalEntryStep = createStep(
  validateJournalEntryStepId,
  async (
    input: { id: string; expected_status: "draft" | "posted"; refusal_code?: AccountingErrorCode },
    { container }
  ) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const entry = await accounting.retrieveJournalEntry(input.id, { relations: ["lines"] })
    if (entry.status !== input.expected_status) {
      throw new AccountingError(
        input.refusal_code ??
          (input.expected_status === "draft"
            ? "ALREADY_POSTED"
            : entry.status === "reversed"
              ? "ALREADY_REVERSED"
              : "NOT_POSTED"),
        `Journal entry ${entry.number ?? entry.id} is ${entry.status}`
      )
    }
    return new StepResponse(entry)
  }
)
