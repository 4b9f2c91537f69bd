import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { voidWriteOffStep } from "../steps/void-write-off"

export const voidWriteOffWorkflowId = "void-write-off"

/** Voids a write-off on a date on or after it: the order owes again. Hooks `writeOffVoiding`, `writeOffVoided`. */
export const voidWriteOffWorkflow = createWorkflow(
  voidWriteOffWorkflowId,
  (input: { id: string; date: string; reason?: string | null } & Actor) => {
    const writeOffVoiding = createHook("writeOffVoiding", { input })
    const id = voidWriteOffStep(input)
    const writeOffVoided = createHook("writeOffVoided", { id, input })
    emitEventStep({ eventName: AccountingEvents.WRITE_OFF_VOIDED, data: { id: input.id } })
    return new WorkflowResponse(id, { hooks: [writeOffVoiding, writeOffVoided] })
  }
)
