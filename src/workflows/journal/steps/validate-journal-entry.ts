import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { AccountingErrorCode } from "../../../modules/accounting/errors"
import type AccountingModuleService from "../../../modules/accounting/service"
import { assertStatus, StatusRefusals } from "../../common/assert-status"

export const validateJournalEntryStepId = "validate-journal-entry"

const REFUSALS: StatusRefusals = {
  draft: { posted: "ALREADY_POSTED", reversed: "ALREADY_POSTED" },
  posted: { draft: "NOT_POSTED", reversed: "ALREADY_REVERSED" },
}

/** Loads the entry a workflow acts on and checks the status it expects. */
export const validateJournalEntryStep = createStep(
  validateJournalEntryStepId,
  async (
    input: { id: string; expected_status: "draft" | "posted"; refusal_code?: AccountingErrorCode },
    { container }
  ) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const entry = await accounting.retrieveJournalEntry(input.id, { relations: ["lines"] })
    assertStatus("Journal entry", entry, input.expected_status, REFUSALS, input.refusal_code)
    return new StepResponse(entry)
  }
)
