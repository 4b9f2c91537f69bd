import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { validateCreditMemoStatusStep } from "../steps/validate-credit-memo-status"
import { voidCreditMemoStep } from "../steps/void-credit-memo"

export const voidCreditMemoWorkflowId = "void-credit-memo"

/**
 * Voids an issued memo on `date` (on or after the memo date, open period),
 * refused while applications or refunds against it stand. Hooks
 * `creditMemoVoidValidated` and `creditMemoVoided`.
 */
export const voidCreditMemoWorkflow = createWorkflow(
  voidCreditMemoWorkflowId,
  (input: { id: string; date: string } & Actor) => {
    const memo = validateCreditMemoStatusStep({ id: input.id, expected_status: "issued" })
    const creditMemoVoidValidated = createHook("creditMemoVoidValidated", { memo, input })
    const id = voidCreditMemoStep(input)
    const creditMemoVoided = createHook("creditMemoVoided", { id, input })
    emitEventStep({ eventName: AccountingEvents.CREDIT_MEMO_VOIDED, data: { id: input.id } })
    return new WorkflowResponse(id, { hooks: [creditMemoVoidValidated, creditMemoVoided] })
  }
)
