import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { BulkWriteOffInput } from "../../../modules/accounting/ar/write-offs"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { bulkWriteOffStep } from "../steps/bulk-write-off"

export const bulkWriteOffWorkflowId = "bulk-write-off"

/**
 * Small-balance write-off: every order of a currency owing at most the
 * threshold, each its own WO- in one batch, all or none; refused
 * (APPROVAL_REQUIRED) when the threshold is above the write-off approval
 * threshold. Hooks `bulkWriteOffValidated` and `bulkWriteOffPosted`; one
 * accounting.write_off.posted per write-off.
 */
export const bulkWriteOffWorkflow = createWorkflow(
  bulkWriteOffWorkflowId,
  (input: { bulk: BulkWriteOffInput } & Actor) => {
    const bulkWriteOffValidated = createHook("bulkWriteOffValidated", { input })
    const result = bulkWriteOffStep(input)
    const bulkWriteOffPosted = createHook("bulkWriteOffPosted", { result, input })
    emitEventStep({
      eventName: AccountingEvents.WRITE_OFF_POSTED,
      data: transform({ result }, ({ result }) => result.ids.map((id) => ({ id }))),
    })
    return new WorkflowResponse(result, { hooks: [bulkWriteOffValidated, bulkWriteOffPosted] })
  }
)
