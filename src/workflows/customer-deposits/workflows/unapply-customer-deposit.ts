import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import { unapplyCustomerDepositStep, UnapplyCustomerDepositStepInput } from "../steps/unapply-customer-deposit"

export const unapplyCustomerDepositWorkflowId = "unapply-customer-deposit"

/**
 * Takes a deposit application back on a date on or after it (Dr AR / Cr
 * Customer Advances): the order owes again, the deposit holds it again.
 * Hooks `customerDepositUnapplying`, `customerDepositUnapplied`.
 */
export const unapplyCustomerDepositWorkflow = createWorkflow(
  unapplyCustomerDepositWorkflowId,
  (input: UnapplyCustomerDepositStepInput) => {
    const customerDepositUnapplying = createHook("customerDepositUnapplying", { input })
    const result = unapplyCustomerDepositStep(input)
    const customerDepositUnapplied = createHook("customerDepositUnapplied", { result, input })
    emitEventStep({ eventName: AccountingEvents.CUSTOMER_DEPOSIT_UNAPPLIED, data: result })
    return new WorkflowResponse(result, { hooks: [customerDepositUnapplying, customerDepositUnapplied] })
  }
)
