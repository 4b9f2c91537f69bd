import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { WriteOffInput } from "../../../modules/accounting/ar/write-offs"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { createWriteOffStep } from "../steps/create-write-off"

export const createWriteOffWorkflowId = "create-write-off"

/**
 * Writes off (part of) what an order owes: Dr Bad Debt / Cr AR (WO-). Above
 * the write-off approval threshold it stays a draft awaiting a second user
 * (postWriteOffWorkflow posts it once approved). Hooks `writeOffValidated` and
 * `writeOffCreated`; event accounting.write_off.posted or
 * accounting.write_off.awaiting_approval.
 */
export const createWriteOffWorkflow = createWorkflow(
  createWriteOffWorkflowId,
  (input: { write_off: WriteOffInput } & Actor) => {
    const writeOffValidated = createHook("writeOffValidated", { input })
    const created = createWriteOffStep(input)
    const id = transform({ created }, ({ created }) => created.id)
    const writeOffCreated = createHook("writeOffCreated", { id, status: created.status, input })
    const eventName = transform({ created }, ({ created }) =>
      created.status === "posted" ? AccountingEvents.WRITE_OFF_POSTED : AccountingEvents.WRITE_OFF_AWAITING_APPROVAL
    )
    emitEventStep({ eventName, data: { id } })
    return new WorkflowResponse(id, { hooks: [writeOffValidated, writeOffCreated] })
  }
)
