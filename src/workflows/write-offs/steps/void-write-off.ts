import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"


export const voidWriteOffStepId = "void-write-off"

/** Posts the mirror entry on the void date. Final, like any void. */
export const voidWriteOffStep = createStep(
  voidWriteOffStepId,
  async (input: { id: string; date: string; reason?: string | null } & Actor, { container }) => {
    await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .voidWriteOff(input.id, { date: input.date, reason: input.reason }, { actor_id: input.actor_id, origin: input.origin })
    return new StepResponse(input.id)
  }
)
