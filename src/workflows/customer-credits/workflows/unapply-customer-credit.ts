import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { unapplyCustomerCreditStep } from "../steps/unapply-customer-credit"

export const unapplyCustomerCreditWorkflowId = "unapply-customer-credit"

/** Ends one application of a customer's credit on a date. Hook `customerCreditUnapplied`. */
export const unapplyCustomerCreditWorkflow = createWorkflow(
  unapplyCustomerCreditWorkflowId,
  (input: { customer_id: string; application_id: string; date: string } & Actor) => {
    const documentId = unapplyCustomerCreditStep(input)
    const customerCreditUnapplied = createHook("customerCreditUnapplied", { ar_document_id: documentId, input })
    emitEventStep({
      eventName: AccountingEvents.CREDIT_UNAPPLIED,
      data: transform({ input, documentId }, ({ input, documentId }) => ({
        ar_document_id: documentId,
        application_id: input.application_id,
      })),
    })
    return new WorkflowResponse(documentId, { hooks: [customerCreditUnapplied] })
  }
)
