import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { CreateCreditMemoWorkflowInput } from "./create-credit-memo"
import { createCreditMemoWorkflow } from "./create-credit-memo"
import { issueCreditMemoWorkflow } from "./issue-credit-memo"

export const createAndIssueCreditMemoWorkflowId = "create-and-issue-credit-memo"

/**
 * Creates a memo and issues it, as one request: a refused issue (closed
 * period, over the order's open amount, a hook's refusal) is compensated by
 * the engine, which deletes the draft, so a retry never finds a stray one.
 * The hooks of both workflows run.
 */
export const createAndIssueCreditMemoWorkflow = createWorkflow(
  createAndIssueCreditMemoWorkflowId,
  (input: CreateCreditMemoWorkflowInput) => {
    const id = createCreditMemoWorkflow.runAsStep({ input })
    issueCreditMemoWorkflow.runAsStep({
      input: transform({ id, input }, ({ id, input }) => ({ id, actor_id: input.actor_id, origin: input.origin })),
    })
    return new WorkflowResponse(id)
  }
)
