import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { unapplyCreditStep } from "../steps/unapply-credit"

export const unapplyCreditWorkflowId = "unapply-credit"

/** Ends an application on `date`. Hook `creditUnapplied`; event accounting.credit_memo.unapplied. */
export const unapplyCreditWorkflow = createWorkflow(
  unapplyCreditWorkflowId,
  (input: { credit_memo_id: string; application_id: string; date: string } & Actor) => {
    const applicationId = unapplyCreditStep(input)
    const creditUnapplied = createHook("creditUnapplied", { application_id: applicationId, input })
    emitEventStep({
      eventName: AccountingEvents.CREDIT_MEMO_UNAPPLIED,
      data: { id: input.credit_memo_id, application_id: input.application_id },
    })
    return new WorkflowResponse(applicationId, { hooks: [creditUnapplied] })
  }
)
