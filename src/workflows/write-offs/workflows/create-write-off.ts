import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { WriteOffInput } from "../../../modules/accounting/ar/write-offs"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { createWriteOffStep } from "../steps/create-write-off"

export const createWriteOffWorkflowId = "create-write-off"

/**
 * Writes off (part of) what an order owes: Dr Bad Debt / Cr AR (WO-).
 * Hooks `writeOffValidated` and `writeOffPosted`; event accounting.write_off.posted.
 */
export const createWriteOffWorkflow = createWorkflow(
  createWriteOffWorkflowId,
  (input: { write_off: WriteOffInput } & Actor) => {
    // TODO(approvals, other branch): write-offs above the approval threshold stop here for
    // approval; the approvals work plugs a step in at this hook point, before anything posts.
    const writeOffValidated = createHook("writeOffValidated", { input })
    const id = createWriteOffStep(input)
    const writeOffPosted = createHook("writeOffPosted", { id, input })
    emitEventStep({
      eventName: AccountingEvents.WRITE_OFF_POSTED,
      data: transform({ id }, ({ id }) => ({ id })),
    })
    return new WorkflowResponse(id, { hooks: [writeOffValidated, writeOffPosted] })
  }
)
