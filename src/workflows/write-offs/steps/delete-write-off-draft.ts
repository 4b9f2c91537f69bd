import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

export const deleteWriteOffDraftStepId = "delete-write-off-draft"

/** Deletes a draft write-off (nothing was posted; the audit log keeps what it was). */
export const deleteWriteOffDraftStep = createStep(
  deleteWriteOffDraftStepId,
  async (input: { id: string } & Actor, { container }) => {
    await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .deleteWriteOffDraft(input.id, { actor_id: input.actor_id, origin: input.origin })
    return new StepResponse(input.id)
  }
)
