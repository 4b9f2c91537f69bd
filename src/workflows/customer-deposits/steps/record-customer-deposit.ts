import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"
import type { CustomerDepositInput } from "../../../modules/accounting/ar/customer-deposits"

export const recordCustomerDepositStepId = "record-customer-deposit"

export type RecordCustomerDepositStepInput = { deposit: CustomerDepositInput } & Actor

/**
 * Posts the deposit in one transaction. Compensation voids it on its own
 * date (nothing can stand on it yet within this workflow).
 */
export const recordCustomerDepositStep = createStep(
  recordCustomerDepositStepId,
  async (input: RecordCustomerDepositStepInput, { container }) => {
    const id = await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .recordCustomerDeposit(input.deposit, { actor_id: input.actor_id, origin: input.origin })
    return new StepResponse({ id }, { id, date: input.deposit.deposit_date })
  },
  async (data, { container }) => {
    if (data) {
      await container
        .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
        .voidCustomerDeposit(data.id, { date: data.date, reason: "Workflow compensation" }, { origin: "compensation" })
    }
  }
)
