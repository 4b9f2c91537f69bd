import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RefundLineInput } from "../../../modules/accounting/ar/customer-refunds"
import { loadRefundContext } from "../../../lib/refund-context"

export const loadRefundContextStepId = "load-customer-refund-context"

/** The Medusa payment, loyalty accounts and order refunds a refund depends on (see lib/refund-context). */
export const loadRefundContextStep = createStep(
  loadRefundContextStepId,
  async (input: { payment_id?: string | null; lines?: RefundLineInput[] }, { container }) =>
    new StepResponse(await loadRefundContext(container, input))
)
