import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

export const deleteAccountingRoleStepId = "delete-accounting-role"

/** Deletes the role and its grants; compensation puts both back. */
export const deleteAccountingRoleStep = createStep(
  deleteAccountingRoleStepId,
  async (input: { id: string } & Actor, { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const removed = await accounting.deleteAccountingRole(input.id, {
      actor_id: input.actor_id,
      origin: input.origin,
    })
    return new StepResponse(input.id, removed)
  },
  async (removed, { container }) => {
    if (removed) {
      await container
        .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
        .restoreAccountingRole(removed.role, removed.grants, { origin: "compensation" })
    }
  }
)
