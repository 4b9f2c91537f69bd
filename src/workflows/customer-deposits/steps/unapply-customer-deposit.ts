import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

export const unapplyCustomerDepositStepId = "unapply-customer-deposit"

export type UnapplyCustomerDepositStepInput = { id: string; application_id: string; date: string } & Actor

/** Ends the application and mirrors its entry. Final, like any reversal. */
export const unapplyCustomerDepositStep = createStep(
  unapplyCustomerDepositStepId,
  async (input: UnapplyCustomerDepositStepInput, { container }) => {
    await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .unapplyCustomerDeposit(input.id, input.application_id, { date: input.date }, {
        actor_id: input.actor_id,
        origin: input.origin,
      })
    return new StepResponse({ id: input.id, application_id: input.application_id })
  }
)
