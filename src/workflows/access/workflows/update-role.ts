import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type { RoleInput } from "../../../modules/accounting/access/roles"
import { updateAccountingRoleStep } from "../steps/update-role"

export const updateAccountingRoleWorkflowId = "update-accounting-role"

/** Renames a role or changes its permissions (refused with LAST_ACCESS_MANAGER when nobody would keep access:manage). Hook `roleUpdated`. */
export const updateAccountingRoleWorkflow = createWorkflow(
  updateAccountingRoleWorkflowId,
  (input: { id: string; update: Partial<RoleInput> } & Actor) => {
    const result = updateAccountingRoleStep(input)
    const roleUpdated = createHook("roleUpdated", { result, input })
    emitEventStep({ eventName: AccountingEvents.ROLE_UPDATED, data: { id: input.id } })
    return new WorkflowResponse(result, { hooks: [roleUpdated] })
  }
)
