import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { refundPaymentWorkflow, type RefundPaymentWorkflowInput } from "@medusajs/medusa/core-flows"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import { AccountingError } from "../../../modules/accounting/errors"
import type { MoneyMoved } from "../../../modules/accounting/ar/customer-refunds"
import type AccountingModuleService from "../../../modules/accounting/service"
import { payoutEvidence, settlePayout } from "../payout/evidence"

export const refundCardPaymentStepId = "refund-card-payment"

/**
 * Refunds the Medusa payment through Medusa's own refundPaymentWorkflow (the
 * provider, the order's transactions, its credit line and events all follow
 * core's rules). Medusa's refund carries our refund's id, which is how order
 * sync and the read-back know it is ours.
 *
 * The refund is stamped just before the call; a declined refund is read back
 * before it is reported (PAYMENT_REFUND_FAILED). A paid refund is read back
 * too: Medusa's refund id is the step's result, booked with the post in one
 * transaction (a failed booking records it alone: bookCustomerRefundStep).
 * Medusa's workflow runs as a workflow of its own, not nested in ours:
 * nothing failing after the payout (a booking, a hook) can run core's
 * compensations and erase Medusa's record of money the provider paid.
 * Irreversible: no compensation.
 */
export const refundCardPaymentStep = createStep(
  refundCardPaymentStepId,
  async (
    input: { customer_refund_id: string; payment_id: string; amount: string; note: string; actor_id?: string | null },
    { container }
  ) => {
    await container.resolve<AccountingModuleService>(ACCOUNTING_MODULE).beginPayout(input.customer_refund_id)
    // `metadata` is not in Medusa's input type, but is stored on its refund.
    const refund: RefundPaymentWorkflowInput & { metadata: Record<string, unknown> } = {
      payment_id: input.payment_id,
      amount: input.amount,
      created_by: input.actor_id ?? undefined,
      note: input.note,
      metadata: { accounting_customer_refund_id: input.customer_refund_id },
    }
    const { errors } = await refundPaymentWorkflow(container).run({ input: refund, throwOnError: false })
    if (errors?.length) {
      if ((await settlePayout(container, input.customer_refund_id)) === "not_moved") {
        throw new AccountingError(
          "PAYMENT_REFUND_FAILED",
          `The payment provider refused the refund: ${errors[0].error?.message ?? "unknown error"}`
        )
      }
      // Paid after all, and already recorded money_moved by the read-back.
      return new StepResponse<MoneyMoved | null>(null)
    }
    const moved = await payoutEvidence(container, {
      id: input.customer_refund_id,
      method: "card",
      payment_id: input.payment_id,
    })
    return new StepResponse<MoneyMoved | null>(moved)
  }
)
