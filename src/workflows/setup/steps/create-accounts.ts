import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type AccountingModuleService from "../../../modules/accounting/service"

export type CreateAccountInput = {
  code: string
  name: string
  type: "asset" | "liability" | "equity" | "income" | "expense"
  description?: string | null
  active?: boolean
}

export const createAccountsStepId = "create-accounting-accounts"

export const createAccountsStep = createStep(
  createAccountsStepId,
  async (input: CreateAccountInput[], { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const accounts = await accounting.createAccountingAccounts(input)
    return new StepResponse(
      accounts,
      accounts.map((a) => a.id)
    )
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await container.resolve<AccountingModuleService>(ACCOUNTING_MODULE).deleteAccountingAccounts(ids)
    }
  }
)
