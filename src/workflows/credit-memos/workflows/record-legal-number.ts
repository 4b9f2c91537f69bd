import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { recordLegalNumberStep } from "../steps/record-legal-number"

export const recordCreditMemoLegalNumberWorkflowId = "record-credit-memo-legal-number"

/**
 * Records, once, the number of the legal credit note an invoicing plugin
 * issued for an issued memo (call it from that plugin's subscriber to
 * accounting.credit_memo.issued). Hook `creditMemoLegalNumberRecorded`;
 * event accounting.credit_memo.legal_number_recorded.
 */
export const recordCreditMemoLegalNumberWorkflow = createWorkflow(
  recordCreditMemoLegalNumberWorkflowId,
  (input: { id: string; legal_number: string } & Actor) => {
    const id = recordLegalNumberStep(input)
    const creditMemoLegalNumberRecorded = createHook("creditMemoLegalNumberRecorded", { id, input })
    emitEventStep({
      eventName: AccountingEvents.CREDIT_MEMO_LEGAL_NUMBER_RECORDED,
      data: { id: input.id, legal_number: input.legal_number },
    })
    return new WorkflowResponse(id, { hooks: [creditMemoLegalNumberRecorded] })
  }
)
