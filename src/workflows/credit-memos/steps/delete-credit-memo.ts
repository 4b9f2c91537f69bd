import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

export const deleteCreditMemoStepId = "delete-credit-memo"

/** Deletes a draft (an issued or voided memo refuses with IMMUTABLE). Last step: nothing to undo after it. */
export const deleteCreditMemoStep = createStep(
  deleteCreditMemoStepId,
  async (input: { id: string } & Actor, { container }) => {
    await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .deleteCreditMemoDraft(input.id, { actor_id: input.actor_id, origin: input.origin })
    return new StepResponse(input.id)
  }
)
