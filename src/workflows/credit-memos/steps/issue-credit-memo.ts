import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

export const issueCreditMemoStepId = "issue-credit-memo"

/** Posts the memo (number, entry, AR credit). Final: a posted memo is undone by a void. */
export const issueCreditMemoStep = createStep(
  issueCreditMemoStepId,
  async (input: { id: string } & Actor, { container }) => {
    await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .issueCreditMemo(input.id, { actor_id: input.actor_id, origin: input.origin })
    return new StepResponse(input.id)
  }
)
