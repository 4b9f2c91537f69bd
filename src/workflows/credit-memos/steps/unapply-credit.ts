import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

export const unapplyCreditStepId = "unapply-credit"

/** Ends an application: both sides get back exactly what it took. */
export const unapplyCreditStep = createStep(
  unapplyCreditStepId,
  async (input: { credit_memo_id: string; application_id: string; date: string } & Actor, { container }) => {
    await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .unapplyCreditMemo(input.credit_memo_id, input.application_id, input.date, {
        actor_id: input.actor_id,
        origin: input.origin,
      })
    return new StepResponse(input.application_id)
  }
)
