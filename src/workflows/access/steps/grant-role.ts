import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

export const grantAccountingRoleStepId = "grant-accounting-role"

export const grantAccountingRoleStep = createStep(
  grantAccountingRoleStepId,
  async (input: { user_id: string; role_id: string } & Actor, { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const grant = await accounting.grantAccountingRole(
      { user_id: input.user_id, role_id: input.role_id },
      { actor_id: input.actor_id, origin: input.origin }
    )
    return new StepResponse(grant, grant.id)
  },
  async (id, { container }) => {
    if (id) {
      await container
        .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
        .revokeAccountingRoleGrant(id, { origin: "compensation" }, { compensating: true })
    }
  }
)
