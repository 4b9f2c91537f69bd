import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import { applyCustomerDepositStep, ApplyCustomerDepositStepInput } from "../steps/apply-customer-deposit"

export const applyCustomerDepositWorkflowId = "apply-customer-deposit"

/**
 * Applies part of a deposit to an open order of the same customer and
 * currency (Dr Customer Advances / Cr AR): the order owes that much less.
 * Hooks `customerDepositApplying` and `customerDepositApplied`; event
 * accounting.customer_deposit.applied.
 */
export const applyCustomerDepositWorkflow = createWorkflow(
  applyCustomerDepositWorkflowId,
  (input: ApplyCustomerDepositStepInput) => {
    const customerDepositApplying = createHook("customerDepositApplying", { input })
    const result = applyCustomerDepositStep(input)
    const customerDepositApplied = createHook("customerDepositApplied", { result, input })
    emitEventStep({ eventName: AccountingEvents.CUSTOMER_DEPOSIT_APPLIED, data: result })
    return new WorkflowResponse(result, { hooks: [customerDepositApplying, customerDepositApplied] })
  }
)
