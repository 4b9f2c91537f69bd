import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

export const voidCustomerDepositStepId = "void-customer-deposit"

export type VoidCustomerDepositStepInput = { id: string; date: string; reason?: string | null } & Actor

/** Posts the mirror entry on the void date. Final, like any void. */
export const voidCustomerDepositStep = createStep(
  voidCustomerDepositStepId,
  async (input: VoidCustomerDepositStepInput, { container }) => {
    await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .voidCustomerDeposit(input.id, { date: input.date, reason: input.reason }, {
        actor_id: input.actor_id,
        origin: input.origin,
      })
    return new StepResponse({ id: input.id })
  }
)
