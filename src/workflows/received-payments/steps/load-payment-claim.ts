import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { loadMedusaPaymentClaim } from "../../../lib/payments"

export const loadPaymentClaimStepId = "load-received-payment-claim"

/** The Medusa payment a received payment says it is (manual provider), if any. */
export const loadPaymentClaimStep = createStep(
  loadPaymentClaimStepId,
  async (input: { medusa_payment_id?: string | null }, { container }) =>
    new StepResponse(await loadMedusaPaymentClaim(container, input.medusa_payment_id))
)
