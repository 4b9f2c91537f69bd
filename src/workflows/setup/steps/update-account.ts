import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type AccountingModuleService from "../../../modules/accounting/service"
import type { Actor } from "../../../modules/accounting/ledger/audit"

export type UpdateAccountInput = {
  id: string
  name?: string
  description?: string | null
  active?: boolean
  type?: "asset" | "liability" | "equity" | "income" | "expense"
} & Actor

export const updateAccountStepId = "update-accounting-account"

/**
 * Renames, describes or (de)activates an account. The type of an account
 * that already carries postings cannot change: it would rewrite history.
 */
export const updateAccountStep = createStep(
  updateAccountStepId,
  async ({ actor_id, origin, ...input }: UpdateAccountInput, { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const previous = await accounting.retrieveAccountingAccount(input.id)
    if (input.type && input.type !== previous.type) {
      const [used] = await accounting.listJournalLines({ account_id: input.id }, { take: 1, select: ["id"] })
      if (used) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Account ${previous.code} has postings; its type cannot change`
        )
      }
    }
    const updated = await accounting.updateAccountingAccounts(input)
    const before = {
      id: previous.id,
      name: previous.name,
      description: previous.description,
      active: previous.active,
      type: previous.type,
    }
    const pick = (a: any) => ({ name: a.name, description: a.description, active: a.active, type: a.type })
    await accounting.recordAuditEvent({
      entity_type: "account",
      entity_id: previous.id,
      action: "update",
      before: { code: previous.code, ...pick(previous) },
      after: { code: previous.code, ...pick(updated) },
      actor_id,
      origin,
    })
    return new StepResponse(updated, before)
  },
  async (previous, { container }) => {
    if (previous) {
      const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      await accounting.updateAccountingAccounts(previous)
      await accounting.recordAuditEvent({
        entity_type: "account",
        entity_id: previous.id,
        action: "update",
        after: previous,
        origin: "compensation",
      })
    }
  }
)
