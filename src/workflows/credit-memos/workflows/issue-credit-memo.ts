import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { issueCreditMemoStep } from "../steps/issue-credit-memo"
import { validateCreditMemoStatusStep } from "../steps/validate-credit-memo-status"

export const issueCreditMemoWorkflowId = "issue-credit-memo"

/**
 * Issues a draft: number, journal entry, AR credit. Hooks
 * `creditMemoValidated` (throw to refuse) and `creditMemoIssued`.
 */
export const issueCreditMemoWorkflow = createWorkflow(
  issueCreditMemoWorkflowId,
  (input: { id: string } & Actor) => {
    const memo = validateCreditMemoStatusStep({ id: input.id, expected_status: "draft" })
    const creditMemoValidated = createHook("creditMemoValidated", { memo, input })
    const id = issueCreditMemoStep(input)
    const creditMemoIssued = createHook("creditMemoIssued", { id, input })
    emitEventStep({ eventName: AccountingEvents.CREDIT_MEMO_ISSUED, data: { id: input.id } })
    return new WorkflowResponse(id, { hooks: [creditMemoValidated, creditMemoIssued] })
  }
)
