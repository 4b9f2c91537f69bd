import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { CreditMemoUpdate } from "../../../modules/accounting/ar/credit-memos"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { updateCreditMemoStep } from "../steps/update-credit-memo"
import { validateCreditMemoStatusStep } from "../steps/validate-credit-memo-status"
import { validateCreditReferencesStep } from "../steps/validate-credit-references"

export const updateCreditMemoWorkflowId = "update-credit-memo"

/** Edits a draft memo; an issued one refuses with IMMUTABLE. Hook `creditMemoUpdated`. */
export const updateCreditMemoWorkflow = createWorkflow(
  updateCreditMemoWorkflowId,
  (input: { id: string; update: CreditMemoUpdate } & Actor) => {
    const memo = validateCreditMemoStatusStep({
      id: input.id,
      expected_status: "draft",
      refusal_code: "IMMUTABLE",
    })
    validateCreditReferencesStep(
      transform({ memo, input }, ({ memo, input }) => ({
        customer_id: memo.customer_id,
        currency_code: memo.currency_code,
        order_id: input.update.order_id !== undefined ? input.update.order_id : memo.order_id,
        return_id: input.update.return_id !== undefined ? input.update.return_id : memo.return_id,
      }))
    )
    const id = updateCreditMemoStep(input)
    const creditMemoUpdated = createHook("creditMemoUpdated", { id, input })
    return new WorkflowResponse(id, { hooks: [creditMemoUpdated] })
  }
)
