import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import { voidCustomerDepositStep, VoidCustomerDepositStepInput } from "../steps/void-customer-deposit"

export const voidCustomerDepositWorkflowId = "void-customer-deposit"

/**
 * Voids a deposit nothing was applied from or refunded, on a date on or
 * after it (mirror entry). Hooks `customerDepositVoiding`,
 * `customerDepositVoided`; event accounting.customer_deposit.voided.
 */
export const voidCustomerDepositWorkflow = createWorkflow(
  voidCustomerDepositWorkflowId,
  (input: VoidCustomerDepositStepInput) => {
    const customerDepositVoiding = createHook("customerDepositVoiding", { input })
    const result = voidCustomerDepositStep(input)
    const customerDepositVoided = createHook("customerDepositVoided", { result, input })
    emitEventStep({ eventName: AccountingEvents.CUSTOMER_DEPOSIT_VOIDED, data: result })
    return new WorkflowResponse(result, { hooks: [customerDepositVoiding, customerDepositVoided] })
  }
)
