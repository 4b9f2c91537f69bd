import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

export const voidCreditMemoStepId = "void-credit-memo"

/** Posts the mirror entry on the void date. Final, like any posting. */
export const voidCreditMemoStep = createStep(
  voidCreditMemoStepId,
  async (input: { id: string; date: string } & Actor, { container }) => {
    await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .voidCreditMemo(input.id, input.date, { actor_id: input.actor_id, origin: input.origin })
    return new StepResponse(input.id)
  }
)
