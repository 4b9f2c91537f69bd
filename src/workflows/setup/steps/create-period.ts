import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type AccountingModuleService from "../../../modules/accounting/service"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type { PeriodInput } from "../../../modules/accounting/ledger/periods"

export const createAccountingPeriodStepId = "create-accounting-period"

export const createAccountingPeriodStep = createStep(
  createAccountingPeriodStepId,
  async (input: PeriodInput & Actor, { container }) => {
    const { actor_id, origin, ...period } = input
    const created = await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .createAccountingPeriod(period, { actor_id, origin })
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<AccountingModuleService>(ACCOUNTING_MODULE).deleteAccountingPeriods(id)
    }
  }
)
