import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { loadRefundContext } from "../../../lib/refund-context"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { GoodwillRefundRequest } from "../../../modules/accounting/ar/goodwill"
import type AccountingModuleService from "../../../modules/accounting/service"

export const planGoodwillRefundStepId = "plan-goodwill-refund"

/**
 * Every refusal a goodwill refund can meet before money moves (currency,
 * precision, day, reason codes, approval thresholds, method's account, card
 * payment), checked before the memo is written. Reads only: nothing to undo.
 */
export const planGoodwillRefundStep = createStep(
  planGoodwillRefundStepId,
  async (input: GoodwillRefundRequest, { container }) => {
    const context = await loadRefundContext(container, { payment_id: input.payment_id, lines: [] })
    const plan = await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .planGoodwillRefund(input, context)
    return new StepResponse(plan)
  }
)
