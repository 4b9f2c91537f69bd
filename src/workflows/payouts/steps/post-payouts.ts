import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { PostedPayout, ProviderPayment } from "../../../modules/accounting/ar/payouts"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type { PayoutInput } from "../../../modules/accounting/rules/payout-input"
import type AccountingModuleService from "../../../modules/accounting/service"

export const postPayoutsStepId = "post-payouts"

/**
 * Posts the payouts in one transaction (all or nothing). Posted payouts are
 * immutable: there is nothing a compensation could undo but by a reversal,
 * so this is the workflow's last write and has none.
 */
export const postPayoutsStep = createStep(
  postPayoutsStepId,
  async (
    input: { payouts: PayoutInput[]; payments: Record<string, ProviderPayment>; source: "stripe_csv" | "csv" | "api" } & Actor,
    { container }
  ) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const posted = await accounting.postPayouts(input.payouts, {
      source: input.source,
      payments: input.payments,
      actor_id: input.actor_id,
      origin: input.origin,
    })
    return new StepResponse<PostedPayout[]>(posted)
  }
)
