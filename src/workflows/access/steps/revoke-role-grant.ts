import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

export const revokeAccountingRoleGrantStepId = "revoke-accounting-role-grant"

export const revokeAccountingRoleGrantStep = createStep(
  revokeAccountingRoleGrantStepId,
  async (input: { id: string } & Actor, { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const grant = await accounting.revokeAccountingRoleGrant(input.id, {
      actor_id: input.actor_id,
      origin: input.origin,
    })
    return new StepResponse(grant, grant)
  },
  async (grant, { container }) => {
    if (grant) {
      await container
        .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
        .restoreAccountingRoleGrant(grant, { origin: "compensation" })
    }
  }
)
