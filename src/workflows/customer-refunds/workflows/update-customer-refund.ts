import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { loadRefundContextStep } from "../steps/load-refund-context"
import { CustomerRefundUpdate, updateCustomerRefundStep } from "../steps/update-customer-refund"
import { validateCustomerRefundStatusStep } from "../steps/validate-customer-refund-status"

export const updateCustomerRefundWorkflowId = "update-customer-refund"

/** Edits a draft refund; a posted one refuses with IMMUTABLE. Hook `refundUpdated`. */
export const updateCustomerRefundWorkflow = createWorkflow(
  updateCustomerRefundWorkflowId,
  (input: { id: string; update: CustomerRefundUpdate } & Actor) => {
    const current = validateCustomerRefundStatusStep({
      id: input.id,
      expected_status: "draft",
      refusal_code: "IMMUTABLE",
    })
    const context = loadRefundContextStep(
      transform({ input, current }, ({ input, current }) => ({
        payment_id: input.update.payment_id !== undefined ? input.update.payment_id : current.payment_id,
        lines: input.update.lines ?? current.lines,
      }))
    )
    const id = updateCustomerRefundStep(
      transform({ input, context }, ({ input, context }) => ({ ...input, context }))
    )
    const refundUpdated = createHook("refundUpdated", { id, input })
    return new WorkflowResponse(id, { hooks: [refundUpdated] })
  }
)
