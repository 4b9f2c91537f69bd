import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

export const recordLegalNumberStepId = "record-credit-memo-legal-number"

/** Records the legal credit note number on an issued memo. Final: a legal number is not taken back. */
export const recordLegalNumberStep = createStep(
  recordLegalNumberStepId,
  async (input: { id: string; legal_number: string } & Actor, { container }) => {
    await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .recordCreditMemoLegalNumber(input.id, input.legal_number, { actor_id: input.actor_id, origin: input.origin })
    return new StepResponse(input.id)
  }
)
