import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { GoodwillRefundRequest } from "../../../modules/accounting/ar/goodwill"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { createAndIssueCreditMemoWorkflow } from "../../credit-memos/workflows/create-and-issue-credit-memo"
import { createAndPostCustomerRefundWorkflow } from "../../customer-refunds/workflows/create-and-post-customer-refund"
import { planGoodwillRefundStep } from "../steps/plan-goodwill-refund"
import { voidGoodwillMemoOnFailureStep } from "../steps/void-goodwill-memo-on-failure"

export type GoodwillRefundWorkflowInput = {
  goodwill: GoodwillRefundRequest & { note?: string | null }
} & Actor

export type GoodwillRefundResult = {
  credit_memo_id: string
  customer_refund_id: string
  /** False when the money moved and the booking is pending (the posting-retry job completes it). */
  posted: boolean
  error?: { code: string | null; message: string }
}

export const goodwillRefundWorkflowId = "goodwill-refund"

/**
 * A goodwill refund in one step: an allowance credit memo against the order
 * (Dr Sales Returns & Allowances / Cr AR), issued, then a customer refund
 * drawing on it, posted (Dr AR / Cr the method's account), reusing the memo
 * and refund workflows (their hooks and events run too).
 * 1. every refusal that can be known first is checked before anything is
 *    written (planGoodwillRefundStep; APPROVAL_REQUIRED above a threshold);
 * 2. a refused issue deletes the draft (createAndIssueCreditMemoWorkflow);
 * 3. a refund refused before money moved is handed back and deleted, and the
 *    memo voided (voidGoodwillMemoOnFailureStep); once money moved the refund
 *    only completes and the memo stays, its credit consumed.
 * Hook `goodwillRefundCreated`; event accounting.goodwill_refund.created.
 */
export const goodwillRefundWorkflow = createWorkflow(
  goodwillRefundWorkflowId,
  (input: GoodwillRefundWorkflowInput) => {
    const plan = planGoodwillRefundStep(
      transform({ input }, ({ input }) => {
        const { note: _note, ...request } = input.goodwill
        return request
      })
    )
    const memoId = createAndIssueCreditMemoWorkflow.runAsStep({
      input: transform({ input, plan }, ({ input, plan }) => ({
        memo: {
          customer_id: plan.customer_id,
          order_id: input.goodwill.order_id,
          currency_code: plan.currency_code,
          memo_date: plan.date,
          reason: input.goodwill.note || `Goodwill refund: ${plan.reason_label}`,
          reason_code: input.goodwill.reason_code,
          metadata: { goodwill_refund: true },
          lines: [{ kind: "adjustment" as const, description: `Goodwill allowance (${plan.reason_label})`, amount: plan.amount }],
        },
        actor_id: input.actor_id,
        origin: input.origin,
      })),
    })
    voidGoodwillMemoOnFailureStep(
      transform({ memoId, input }, ({ memoId, input }) => ({ id: memoId, actor_id: input.actor_id }))
    )
    const posted = createAndPostCustomerRefundWorkflow.runAsStep({
      input: transform({ input, plan, memoId }, ({ input, plan, memoId }) => ({
        refund: {
          customer_id: plan.customer_id,
          currency_code: plan.currency_code,
          refund_date: plan.date,
          method: input.goodwill.method,
          payment_id: input.goodwill.payment_id ?? null,
          memo: input.goodwill.note ?? null,
          reason_code: input.goodwill.reason_code,
          metadata: { goodwill_refund: true, order_id: input.goodwill.order_id },
          lines: [{ source_type: "credit_memo" as const, source_id: memoId, amount: plan.amount }],
        },
        actor_id: input.actor_id,
        origin: input.origin,
      })),
    })
    const result = transform({ memoId, posted }, ({ memoId, posted }): GoodwillRefundResult => ({
      credit_memo_id: memoId,
      customer_refund_id: posted.id,
      posted: posted.posted,
      ...(posted.error && { error: posted.error }),
    }))
    const goodwillRefundCreated = createHook("goodwillRefundCreated", { result, input })
    emitEventStep({
      eventName: AccountingEvents.GOODWILL_REFUND_CREATED,
      data: transform({ result, input }, ({ result, input }) => ({
        credit_memo_id: result.credit_memo_id,
        customer_refund_id: result.customer_refund_id,
        order_id: input.goodwill.order_id,
      })),
    })
    return new WorkflowResponse(result, { hooks: [goodwillRefundCreated] })
  }
)
