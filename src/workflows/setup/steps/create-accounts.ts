import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type AccountingModuleService from "../../../modules/accounting/service"
import type { Actor } from "../../../modules/accounting/ledger/audit"

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
  async ({ accounts: input, actor_id, origin }: { accounts: CreateAccountInput[] } & Actor, { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const accounts = await accounting.createAccountingAccounts(input)
    for (const a of accounts) {
      await accounting.recordAuditEvent({
        entity_type: "account",
        entity_id: a.id,
        action: "create",
        after: { code: a.code, name: a.name, type: a.type, description: a.description, active: a.active },
        actor_id,
        origin,
      })
    }
    return new StepResponse(
      accounts,
      accounts.map((a) => a.id)
    )
  },
  async (ids, { container }) => {
    if (ids?.length) {
      const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      await accounting.deleteAccountingAccounts(ids)
      for (const id of ids) {
        await accounting.recordAuditEvent({ entity_type: "account", entity_id: id, action: "delete", origin: "compensation" })
      }
    }
  }
)
