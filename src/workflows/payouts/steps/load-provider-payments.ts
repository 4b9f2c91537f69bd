import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ProviderPayment } from "../../../modules/accounting/ar/payouts"
import type { PayoutInput } from "../../../modules/accounting/rules/payout-input"
import { loadProviderPayments } from "../../../lib/provider-payments"

export const loadProviderPaymentsStepId = "load-provider-payments"

/** Medusa's captures and refunds the payout lines name (by provider payment id). Reads only. */
export const loadProviderPaymentsStep = createStep(
  loadProviderPaymentsStepId,
  async (input: { payouts: PayoutInput[] }, { container }) => {
    const out: Record<string, ProviderPayment> = {}
    const byProvider = new Map<string, Set<string>>()
    for (const payout of input.payouts) {
      const ids = byProvider.get(payout.provider_id) ?? new Set<string>()
      payout.lines.forEach((l) => l.provider_payment_id && ids.add(l.provider_payment_id))
      byProvider.set(payout.provider_id, ids)
    }
    for (const [provider, ids] of byProvider) {
      Object.assign(out, await loadProviderPayments(container, provider, [...ids]))
    }
    return new StepResponse(out)
  }
)
