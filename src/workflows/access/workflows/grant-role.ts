import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { Actor } from "../../../modules/accounting/ledger/audit"

import { grantAccountingRoleStep } from "../steps/grant-role"

export const grantAccountingRoleWorkflowId = "grant-accounting-role"

/** Grants a role to an admin user (the first grant ends the bootstrap and must leave someone with access:manage). Hook `roleGranted`. */
export const grantAccountingRoleWorkflow = createWorkflow(
  grantAccountingRoleWorkflowId,
  (input: { user_id: string; role_id: string } & Actor) => {
    const result = grantAccountingRoleStep(input)
    const roleGranted = createHook("roleGranted", { result, input })
    emitEventStep({ eventName: AccountingEvents.ROLE_GRANTED, data: { id: result.id } })
    return new WorkflowResponse(result, { hooks: [roleGranted] })
  }
)
