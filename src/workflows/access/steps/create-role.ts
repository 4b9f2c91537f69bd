import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RoleInput } from "../../../modules/accounting/access/roles"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

export const createAccountingRoleStepId = "create-accounting-role"

export const createAccountingRoleStep = createStep(
  createAccountingRoleStepId,
  async (input: { role: RoleInput } & Actor, { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const role = await accounting.createAccountingRole(input.role, {
      actor_id: input.actor_id,
      origin: input.origin,
    })
    return new StepResponse(role, role.id)
  },
  async (id, { container }) => {
    if (id) {
      await container
        .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
        .deleteAccountingRole(id, { origin: "compensation" }, { compensating: true })
    }
  }
)
