import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import { applyCustomerCreditStep, ApplyCustomerCreditInput } from "../steps/apply-customer-credit"

export const applyCustomerCreditWorkflowId = "apply-customer-credit"

/**
 * Applies any open credit of a customer (memo, overpayment, unapplied
 * payment, negative invoice) to one of its open orders in the same currency.
 * Hooks `customerCreditApplying`, `customerCreditApplied`; event accounting.credit.applied.
 */
export const applyCustomerCreditWorkflow = createWorkflow(
  applyCustomerCreditWorkflowId,
  (input: ApplyCustomerCreditInput) => {
    const customerCreditApplying = createHook("customerCreditApplying", { input })
    const applicationId = applyCustomerCreditStep(input)
    const customerCreditApplied = createHook("customerCreditApplied", { application_id: applicationId, input })
    emitEventStep({
      eventName: AccountingEvents.CREDIT_APPLIED,
      data: transform({ input, applicationId }, ({ input, applicationId }) => ({
        ar_document_id: input.credit_document_id,
        application_id: applicationId,
        order_id: input.order_id,
      })),
    })
    return new WorkflowResponse(applicationId, { hooks: [customerCreditApplying, customerCreditApplied] })
  }
)
