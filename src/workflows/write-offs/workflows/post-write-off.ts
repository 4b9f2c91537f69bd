import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { postWriteOffStep } from "../steps/post-write-off"

export const postWriteOffWorkflowId = "post-write-off"

/**
 * Posts a draft write-off a second user approved: Dr Bad Debt / Cr AR (WO-).
 * Hooks `writeOffPosting`, `writeOffPosted`; event accounting.write_off.posted.
 */
export const postWriteOffWorkflow = createWorkflow(postWriteOffWorkflowId, (input: { id: string } & Actor) => {
  const writeOffPosting = createHook("writeOffPosting", { input })
  const id = postWriteOffStep(input)
  const writeOffPosted = createHook("writeOffPosted", { id, input })
  emitEventStep({ eventName: AccountingEvents.WRITE_OFF_POSTED, data: { id: input.id } })
  return new WorkflowResponse(id, { hooks: [writeOffPosting, writeOffPosted] })
})
