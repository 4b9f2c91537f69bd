import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type { RoleInput } from "../../../modules/accounting/access/roles"
import { createAccountingRoleStep } from "../steps/create-role"

export const createAccountingRoleWorkflowId = "create-accounting-role"

/** A role (name, permissions). Hook `roleCreated`. */
export const createAccountingRoleWorkflow = createWorkflow(
  createAccountingRoleWorkflowId,
  (input: { role: RoleInput } & Actor) => {
    const result = createAccountingRoleStep(input)
    const roleCreated = createHook("roleCreated", { result, input })
    emitEventStep({ eventName: AccountingEvents.ROLE_CREATED, data: { id: result.id } })
    return new WorkflowResponse(result, { hooks: [roleCreated] })
  }
)
