import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { CreditMemoInput } from "../../../modules/accounting/ar/credit-memos"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { createCreditMemoStep } from "../steps/create-credit-memo"
import { validateCreditReferencesStep } from "../steps/validate-credit-references"

export type CreateCreditMemoWorkflowInput = { memo: CreditMemoInput } & Actor

export const createCreditMemoWorkflowId = "create-credit-memo"

/** Saves a draft credit memo for a customer (optionally for an order and a return). Hook `creditMemoCreated`. */
export const createCreditMemoWorkflow = createWorkflow(
  createCreditMemoWorkflowId,
  (input: CreateCreditMemoWorkflowInput) => {
    validateCreditReferencesStep(transform({ input }, ({ input }) => input.memo))
    const id = createCreditMemoStep(input)
    const creditMemoCreated = createHook("creditMemoCreated", { id, input })
    return new WorkflowResponse(id, { hooks: [creditMemoCreated] })
  }
)
