import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { deleteCustomerRefundStep } from "../steps/delete-customer-refund"

export const deleteCustomerRefundWorkflowId = "delete-customer-refund"

/** Deletes a draft refund; a posted one refuses with IMMUTABLE. Hook `refundDeleted`. */
export const deleteCustomerRefundWorkflow = createWorkflow(
  deleteCustomerRefundWorkflowId,
  (input: { id: string } & Actor) => {
    const id = deleteCustomerRefundStep(input)
    const refundDeleted = createHook("refundDeleted", { id })
    return new WorkflowResponse(id, { hooks: [refundDeleted] })
  }
)
