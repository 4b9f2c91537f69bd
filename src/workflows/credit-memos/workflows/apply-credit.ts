import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import { applyCreditStep, ApplyCreditInput } from "../steps/apply-credit"
import { validateCreditMemoStatusStep } from "../steps/validate-credit-memo-status"

export const applyCreditWorkflowId = "apply-credit"

/**
 * Applies an issued memo to an open order of the same customer and currency
 * (no money moves, no GL entry). Hooks `creditApplicationValidated` and
 * `creditApplied`; event accounting.credit_memo.applied.
 */
export const applyCreditWorkflow = createWorkflow(applyCreditWorkflowId, (input: ApplyCreditInput) => {
  const memo = validateCreditMemoStatusStep({ id: input.credit_memo_id, expected_status: "issued" })
  const creditApplicationValidated = createHook("creditApplicationValidated", { memo, input })
  const applicationId = applyCreditStep(input)
  const creditApplied = createHook("creditApplied", { application_id: applicationId, input })
  emitEventStep({
    eventName: AccountingEvents.CREDIT_MEMO_APPLIED,
    data: transform({ input, applicationId }, ({ input, applicationId }) => ({
      id: input.credit_memo_id,
      application_id: applicationId,
      order_id: input.order_id,
      amount: input.amount,
    })),
  })
  return new WorkflowResponse(applicationId, { hooks: [creditApplicationValidated, creditApplied] })
})
