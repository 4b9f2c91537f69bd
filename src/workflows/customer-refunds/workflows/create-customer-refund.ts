import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { CustomerRefundInput } from "../../../modules/accounting/ar/customer-refunds"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { createCustomerRefundStep } from "../steps/create-customer-refund"
import { loadRefundContextStep } from "../steps/load-refund-context"

export type CreateCustomerRefundWorkflowInput = { refund: CustomerRefundInput } & Actor

export const createCustomerRefundWorkflowId = "create-customer-refund"

/** Saves a draft refund. Hook `refundCreated`. */
export const createCustomerRefundWorkflow = createWorkflow(
  createCustomerRefundWorkflowId,
  (input: CreateCustomerRefundWorkflowInput) => {
    const context = loadRefundContextStep(transform({ input }, ({ input }) => input.refund))
    const id = createCustomerRefundStep(
      transform({ input, context }, ({ input, context }) => ({ ...input, context }))
    )
    const refundCreated = createHook("refundCreated", { id, input })
    return new WorkflowResponse(id, { hooks: [refundCreated] })
  }
)
