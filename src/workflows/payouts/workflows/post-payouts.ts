import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type { PayoutInput } from "../../../modules/accounting/rules/payout-input"
import { loadProviderPaymentsStep } from "../steps/load-provider-payments"
import { postPayoutsStep } from "../steps/post-payouts"
import { validatePayoutProvidersStep } from "../steps/validate-payout-providers"

export type PostPayoutsWorkflowInput = {
  payouts: PayoutInput[]
  source: "stripe_csv" | "csv" | "api"
} & Actor

export const postPayoutsWorkflowId = "post-payouts"

/**
 * Posts provider payouts (from an import file or the API): providers
 * checked, lines matched to Medusa's captures and refunds, each payout posted
 * once. Hooks `payoutsValidated` (veto before posting) and `payoutsPosted`;
 * event accounting.payout.posted per payout created (none for a repeat).
 */
export const postPayoutsWorkflow = createWorkflow(postPayoutsWorkflowId, (input: PostPayoutsWorkflowInput) => {
  validatePayoutProvidersStep({ payouts: input.payouts })
  const payoutsValidated = createHook("payoutsValidated", { input })
  const payments = loadProviderPaymentsStep({ payouts: input.payouts })
  const posted = postPayoutsStep(
    transform({ input, payments }, ({ input, payments }) => ({
      payouts: input.payouts,
      payments,
      source: input.source,
      actor_id: input.actor_id,
      origin: input.origin,
    }))
  )
  const payoutsPosted = createHook("payoutsPosted", { posted, input })
  emitEventStep({
    eventName: AccountingEvents.PAYOUT_POSTED,
    data: transform({ posted }, ({ posted }) => posted.filter((p) => p.created).map((p) => ({ id: p.id }))),
  })
  return new WorkflowResponse(posted, { hooks: [payoutsValidated, payoutsPosted] })
})
