import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type AccountingModuleService from "../../../modules/accounting/service"

export type UpdateAccountInput = {
  id: string
  name?: string
  description?: string | null
  active?: boolean
  type?: "asset" | "liability" | "equity" | "income" | "expense"
}

export const updateAccountStepId = "update-accounting-account"

/**
 * Renames, describes or (de)activates an account. The type of an account
 * that already carries postings cannot change: it would rewrite history.
 */
export const updateAccountStep = createStep(
  updateAccountStepId,
  async (input: UpdateAccountInput, { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const previous = await accounting.retrieveAccountingAccount(input.id)
    if (input.type && input.type !== previous.type) {
      const [used] = await accounting.listJournalLines({ account_id: input.id } as any, {
        take: 1,
        select: ["id"],
      })
      if (used) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Account ${previous.code} has postings; its type cannot change`
        )
      }
    }
    const updated = await accounting.updateAccountingAccounts(input)
    return new StepResponse(updated, {
      id: previous.id,
      name: previous.name,
      description: previous.description,
      active: previous.active,
      type: previous.type,
    })
  },
  async (previous, { container }) => {
    if (previous) {
      await container.resolve<AccountingModuleService>(ACCOUNTING_MODULE).updateAccountingAccounts(previous)
    }
  }
)
