import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { Actor } from "../../../modules/accounting/ledger/audit"

import { revokeAccountingRoleGrantStep } from "../steps/revoke-role-grant"

export const revokeAccountingRoleGrantWorkflowId = "revoke-accounting-role-grant"

/** Takes a role back from a user (never the last access:manage grant). Hook `roleRevoked`. */
export const revokeAccountingRoleGrantWorkflow = createWorkflow(
  revokeAccountingRoleGrantWorkflowId,
  (input: { id: string } & Actor) => {
    const result = revokeAccountingRoleGrantStep(input)
    const roleRevoked = createHook("roleRevoked", { result, input })
    emitEventStep({ eventName: AccountingEvents.ROLE_REVOKED, data: { id: input.id } })
    return new WorkflowResponse(result, { hooks: [roleRevoked] })
  }
)
