import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { CreateCustomerRefundWorkflowInput } from "./create-customer-refund"
import { createCustomerRefundWorkflow } from "./create-customer-refund"
import { postCustomerRefundWorkflow } from "./post-customer-refund"

export const createAndPostCustomerRefundWorkflowId = "create-and-post-customer-refund"

/**
 * Creates a draft and posts it, as one request: a refused post is compensated
 * by the engine (the draft is deleted), so nothing is left behind. The hooks
 * of both workflows run.
 */
export const createAndPostCustomerRefundWorkflow = createWorkflow(
  createAndPostCustomerRefundWorkflowId,
  (input: CreateCustomerRefundWorkflowInput) => {
    const id = createCustomerRefundWorkflow.runAsStep({ input })
    const posted = postCustomerRefundWorkflow.runAsStep({
      input: transform({ id, input }, ({ id, input }) => ({ id, actor_id: input.actor_id, origin: input.origin })),
    })
    return new WorkflowResponse(transform({ id, posted }, ({ id, posted }) => ({ id, ...posted })))
  }
)
