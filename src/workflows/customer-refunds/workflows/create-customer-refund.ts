import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { CustomerRefundInput, RefundContext } from "../../../modules/accounting/ar/customer-refunds"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { createCustomerRefundStep } from "../steps/create-customer-refund"
import { loadRefundContextStep } from "../steps/load-refund-context"

export type CreateCustomerRefundWorkflowInput = {
  refund: CustomerRefundInput
  /** Medusa's payment and the loyalty accounts, when a caller has just read them for the same refund. */
  context?: RefundContext
} & Actor

export const createCustomerRefundWorkflowId = "create-customer-refund"

/** Saves a draft refund. Hook `refundCreated`. */
export const createCustomerRefundWorkflow = createWorkflow(
  createCustomerRefundWorkflowId,
  (input: CreateCustomerRefundWorkflowInput) => {
    const loaded = when("load-context-for-draft", { input }, ({ input }) => !input.context).then(() =>
      loadRefundContextStep(transform({ input }, ({ input }) => input.refund))
    )
    const context = transform({ input, loaded }, ({ input, loaded }) => input.context ?? loaded!)
    const id = createCustomerRefundStep(
      transform({ input, context }, ({ input, context }) => ({ ...input, context }))
    )
    const refundCreated = createHook("refundCreated", { id, input })
    return new WorkflowResponse(id, { hooks: [refundCreated] })
  }
)
