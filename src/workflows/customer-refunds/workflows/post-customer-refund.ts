import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { RefundContext } from "../../../modules/accounting/ar/customer-refunds"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { bookCustomerRefundStep } from "../steps/book-customer-refund"
import { loadRefundContextStep } from "../steps/load-refund-context"
import { lockCustomerRefundStep, unlockCustomerRefundStep } from "../steps/lock-customer-refund"
import { moveStoreCreditStep } from "../steps/move-store-credit"
import { recordMoneyMovedStep } from "../steps/record-money-moved"
import { refundCardPaymentStep } from "../steps/refund-card-payment"
import { reserveCustomerRefundStep } from "../steps/reserve-customer-refund"
import { validateCustomerRefundStatusStep } from "../steps/validate-customer-refund-status"

export type PostCustomerRefundWorkflowInput = {
  id: string
  /** Medusa's payment and the loyalty accounts, when a caller has just read them for this refund. */
  context?: RefundContext
} & Actor

export const postCustomerRefundWorkflowId = "post-customer-refund"

/**
 * Posts a draft refund:
 * 1. hook `refundValidated` (throw to refuse, e.g. above a threshold);
 * 2. lock the refund; reserve: lock the credits, re-check what is available
 *    now, period open (status `posting`);
 * 3. move the money: store credit through the loyalty plugin (reversible),
 *    then a card refund through Medusa's refundPaymentWorkflow (last, as it
 *    cannot be undone; see refundCardPaymentStep);
 * 4. read the payout back: store credit is recorded `money_moved` (from
 *    there the refund can only complete); a card refund's read-back goes
 *    with the booking, into the same transaction;
 * 5. book it (completeCustomerRefundWorkflow: number, journal entry, credits
 *    consumed, hook `refundPosted`, event accounting.customer_refund.posted).
 * A failure before money moved hands the draft back with nothing posted or
 * consumed. After, the refund is recorded money_moved in the posting errors and
 * the retry job completes it: it never pays out a second time.
 */
export const postCustomerRefundWorkflow = createWorkflow(
  postCustomerRefundWorkflowId,
  (input: PostCustomerRefundWorkflowInput) => {
    const refund = validateCustomerRefundStatusStep({ id: input.id, expected_status: "draft" })
    const loaded = when("load-context-for-post", { input }, ({ input }) => !input.context).then(() =>
      loadRefundContextStep(
        transform({ refund }, ({ refund }) => ({ payment_id: refund.payment_id, lines: refund.lines }))
      )
    )
    const context = transform({ input, loaded }, ({ input, loaded }) => input.context ?? loaded!)
    const refundValidated = createHook("refundValidated", { refund, context, input })
    const lock = lockCustomerRefundStep({ id: input.id })
    reserveCustomerRefundStep(
      transform({ input, context }, ({ input, context }) => ({
        id: input.id,
        context,
        actor_id: input.actor_id,
        origin: input.origin,
      }))
    )
    moveStoreCreditStep(
      transform({ refund }, ({ refund }) => ({
        customer_refund_id: refund.id,
        customer_id: refund.customer_id,
        currency_code: refund.currency_code,
        credit_amount: refund.method === "store_credit" ? String(refund.total) : null,
        debits: refund.lines
          .filter((l) => l.source_type === "store_credit")
          .map((l) => ({ account_id: l.source_id, amount: String(l.amount) })),
      }))
    )
    const paidByCard = when({ refund }, ({ refund }) => refund.method === "card").then(() =>
      refundCardPaymentStep(
        transform({ refund, input }, ({ refund, input }) => ({
          customer_refund_id: refund.id,
          payment_id: refund.payment_id!,
          amount: String(refund.total),
          note: refund.memo ?? `Customer refund ${refund.id}`,
          actor_id: input.actor_id,
        }))
      )
    )
    when({ refund }, ({ refund }) => refund.method === "store_credit").then(() => {
      recordMoneyMovedStep({ id: input.id })
    })
    const result = bookCustomerRefundStep(
      transform({ input, paidByCard }, ({ input, paidByCard }) => ({ ...input, moved: paidByCard ?? null }))
    )
    unlockCustomerRefundStep(lock)
    return new WorkflowResponse(result, { hooks: [refundValidated] })
  }
)
