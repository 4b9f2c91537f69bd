import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AccountingError } from "../../../modules/accounting/errors"
import type { PayoutInput } from "../../../modules/accounting/rules/payout-input"
import { knownPaymentProviders } from "../../../lib/provider-payments"

export const validatePayoutProvidersStepId = "validate-payout-providers"

/** Refuses payouts of a provider Medusa does not know (UNKNOWN_PROVIDER). Reads only. */
export const validatePayoutProvidersStep = createStep(
  validatePayoutProvidersStepId,
  async (input: { payouts: PayoutInput[] }, { container }) => {
    const ids = [...new Set(input.payouts.map((p) => p.provider_id))]
    const known = await knownPaymentProviders(container, ids)
    const unknown = ids.filter((id) => !known.has(id))
    if (unknown.length) {
      throw new AccountingError(
        "UNKNOWN_PROVIDER",
        `Unknown payment provider ${unknown.join(", ")}: a payout comes from one of the store's payment providers`
      )
    }
    return new StepResponse(true)
  }
)
