import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import { AccountingError } from "../../../modules/accounting/errors"
import type AccountingModuleService from "../../../modules/accounting/service"

export const refundCardPaymentStepId = "refund-card-payment"

/**
 * Refunds the Medusa payment through Medusa's own refundPaymentWorkflow (so
 * the provider, the order's transactions and its events all follow). The
 * refund carries our refund's id in its metadata, which is how the order
 * sync knows not to book it a second time.
 *
 * Medusa turns the part of a refund the order does not owe into an order
 * credit line; the credits we refund (credit memos) are not known to Medusa,
 * so that part is recorded first, for the order's recognition to leave out.
 *
 * Irreversible (the money is gone): no compensation.
 */
export const refundCardPaymentStep = createStep(
  refundCardPaymentStepId,
  async (
    input: {
      customer_refund_id: string
      payment_id: string
      amount: string
      order_id: string | null
      note?: string | null
      actor_id?: string | null
    },
    { container }
  ) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    let creditLine = MathBN.convert(0)
    if (input.order_id) {
      const { data } = await query.graph({
        entity: "order",
        fields: ["id", "total", "summary.*"],
        filters: { id: input.order_id },
      })
      const pending = MathBN.convert(
        (data[0] as any)?.summary?.raw_pending_difference ??
          (data[0] as any)?.summary?.pending_difference ??
          0
      )
      const owed = MathBN.lt(pending, 0) ? MathBN.mult(pending, -1) : MathBN.convert(0)
      creditLine = MathBN.gt(input.amount, owed) ? MathBN.sub(input.amount, owed) : MathBN.convert(0)
    }
    await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .recordCardRefundIntent(input.customer_refund_id, {
        order_id: input.order_id,
        credit_line_amount: creditLine.toString(),
      })
    const { errors } = await refundPaymentWorkflow(container).run({
      input: {
        payment_id: input.payment_id,
        amount: input.amount,
        created_by: input.actor_id ?? undefined,
        note: input.note ?? `Customer refund ${input.customer_refund_id}`,
        // Not in the input type, but stored on the refund (see the order sync).
        metadata: { accounting_customer_refund_id: input.customer_refund_id },
      } as any,
      throwOnError: false,
    })
    if (errors?.length) {
      throw new AccountingError(
        "PAYMENT_REFUND_FAILED",
        `The payment provider refused the refund: ${errors[0].error?.message ?? "unknown error"}`
      )
    }
    const { data: refunds } = await query.graph({
      entity: "refund",
      fields: ["id", "metadata", "created_at"],
      filters: { payment_id: input.payment_id },
    })
    const refund = refunds.find(
      (r: any) => r.metadata?.accounting_customer_refund_id === input.customer_refund_id
    )
    return new StepResponse({ medusa_refund_id: refund?.id ?? null })
  }
)
