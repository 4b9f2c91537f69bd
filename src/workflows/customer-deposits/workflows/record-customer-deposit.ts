import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import { recordCustomerDepositStep, RecordCustomerDepositStepInput } from "../steps/record-customer-deposit"

export const recordCustomerDepositWorkflowId = "record-customer-deposit"

/**
 * Records a deposit or advance taken before an order and posts it (Dr the
 * method's account / Cr Customer Advances). Hooks `customerDepositValidated`
 * (before anything is written) and `customerDepositPosted`; event
 * accounting.customer_deposit.posted.
 */
export const recordCustomerDepositWorkflow = createWorkflow(
  recordCustomerDepositWorkflowId,
  (input: RecordCustomerDepositStepInput) => {
    const customerDepositValidated = createHook("customerDepositValidated", { input })
    const result = recordCustomerDepositStep(input)
    const customerDepositPosted = createHook("customerDepositPosted", { result, input })
    emitEventStep({ eventName: AccountingEvents.CUSTOMER_DEPOSIT_POSTED, data: result })
    return new WorkflowResponse(result, { hooks: [customerDepositValidated, customerDepositPosted] })
  }
)
