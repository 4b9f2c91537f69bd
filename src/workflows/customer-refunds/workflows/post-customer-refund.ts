import {
  createHook,
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { completeCustomerRefundStep } from "../steps/complete-customer-refund"
import { loadRefundContextStep } from "../steps/load-refund-context"
import { moveStoreCreditStep } from "../steps/move-store-credit"
import { refundCardPaymentStep } from "../steps/refund-card-payment"
import { reserveCustomerRefundStep } from "../steps/reserve-customer-refund"
import { validateCustomerRefundStatusStep } from "../steps/validate-customer-refund-status"

export type PostCustomerRefundWorkflowInput = { id: string } & Actor

export const postCustomerRefundWorkflowId = "post-customer-refund"

/**
 * Posts a draft refund:
 * 1. hook `refundValidated` (throw to refuse, e.g. above a threshold);
 * 2. reserve: lock the credits, re-check what is available now, period open;
 * 3. move the money: store credit through the loyalty plugin (reversible),
 *    then a card refund through Medusa's refundPaymentWorkflow (last, as it
 *    cannot be undone); check/EFT/cash/record transfer only record;
 * 4. number, journal entry (Dr AR / Cr the method's account) and credit
 *    consumption; hook `refundPosted`; event accounting.customer_refund.posted.
 * Any failure before 4 hands the draft back with nothing posted or consumed.
 */
export const postCustomerRefundWorkflow = createWorkflow(
  postCustomerRefundWorkflowId,
  (input: PostCustomerRefundWorkflowInput) => {
    const refund = validateCustomerRefundStatusStep({ id: input.id, expected_status: "draft" })
    const context = loadRefundContextStep(
      transform({ refund }, ({ refund }) => ({ payment_id: refund.payment_id, lines: refund.lines }))
    )
    const refundValidated = createHook("refundValidated", { refund, context, input })
    reserveCustomerRefundStep(
      transform({ input, context }, ({ input, context }) => ({
        id: input.id,
        context,
        actor_id: input.actor_id,
        origin: input.origin,
      }))
    )

    const storeCredit = moveStoreCreditStep(
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
    const card = when({ refund }, ({ refund }) => refund.method === "card").then(() =>
      refundCardPaymentStep(
        transform({ refund, context, input }, ({ refund, context, input }) => ({
          customer_refund_id: refund.id,
          payment_id: refund.payment_id!,
          amount: String(refund.total),
          order_id: context.payment?.order_id ?? null,
          note: refund.memo,
          actor_id: input.actor_id,
        }))
      )
    )

    const result = completeCustomerRefundStep(
      transform({ input, card, storeCredit }, ({ input, card, storeCredit }) => ({
        id: input.id,
        actor_id: input.actor_id,
        origin: input.origin,
        moved: { ...(card ?? {}), store_credit_transaction_id: storeCredit.transaction_ids[0] ?? null },
      }))
    )
    const refundPosted = createHook("refundPosted", { id: input.id, result, input })
    emitEventStep({ eventName: AccountingEvents.CUSTOMER_REFUND_POSTED, data: { id: input.id } })
    return new WorkflowResponse(result, { hooks: [refundValidated, refundPosted] })
  }
)
