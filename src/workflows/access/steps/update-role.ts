import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RoleInput } from "../../../modules/accounting/access/roles"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

export const updateAccountingRoleStepId = "update-accounting-role"

export const updateAccountingRoleStep = createStep(
  updateAccountingRoleStepId,
  async (input: { id: string; update: Partial<RoleInput> } & Actor, { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const { before, after } = await accounting.updateAccountingRole(input.id, input.update, {
      actor_id: input.actor_id,
      origin: input.origin,
    })
    return new StepResponse(after, before)
  },
  async (before, { container }) => {
    if (before) {
      const { id, ...previous } = before
      await container
        .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
        .updateAccountingRole(id, previous, { origin: "compensation" }, { compensating: true })
    }
  }
)
