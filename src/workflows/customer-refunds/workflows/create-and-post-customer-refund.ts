import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { CreateCustomerRefundWorkflowInput } from "./create-customer-refund"
import { createCustomerRefundWorkflow } from "./create-customer-refund"
import { postCustomerRefundWorkflow } from "./post-customer-refund"
import { loadRefundContextStep } from "../steps/load-refund-context"

export const createAndPostCustomerRefundWorkflowId = "create-and-post-customer-refund"

/**
 * Creates a draft and posts it, as one request: a refused post is compensated
 * by the engine (the draft is deleted), so nothing is left behind. The hooks
 * of both workflows run. Medusa's payment and the loyalty accounts are read
 * once for both (the post's checks run on them as before, and Medusa's
 * refund checks the payment again under its own lock).
 */
export const createAndPostCustomerRefundWorkflow = createWorkflow(
  createAndPostCustomerRefundWorkflowId,
  (input: CreateCustomerRefundWorkflowInput) => {
    const context = loadRefundContextStep(transform({ input }, ({ input }) => input.refund))
    const id = createCustomerRefundWorkflow.runAsStep({
      input: transform({ input, context }, ({ input, context }) => ({ ...input, context })),
    })
    const posted = postCustomerRefundWorkflow.runAsStep({
      input: transform({ id, input, context }, ({ id, input, context }) => ({
        id,
        context,
        actor_id: input.actor_id,
        origin: input.origin,
      })),
    })
    return new WorkflowResponse(transform({ id, posted }, ({ id, posted }) => ({ id, ...posted })))
  }
)
