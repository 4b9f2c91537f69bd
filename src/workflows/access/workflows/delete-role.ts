import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { Actor } from "../../../modules/accounting/ledger/audit"

import { deleteAccountingRoleStep } from "../steps/delete-role"

export const deleteAccountingRoleWorkflowId = "delete-accounting-role"

/** Deletes a role and its grants. Hook `roleDeleted`. */
export const deleteAccountingRoleWorkflow = createWorkflow(
  deleteAccountingRoleWorkflowId,
  (input: { id: string } & Actor) => {
    const result = deleteAccountingRoleStep(input)
    const roleDeleted = createHook("roleDeleted", { result, input })
    emitEventStep({ eventName: AccountingEvents.ROLE_DELETED, data: { id: input.id } })
    return new WorkflowResponse(result, { hooks: [roleDeleted] })
  }
)
