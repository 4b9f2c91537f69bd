import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { RefundContext } from "../../../modules/accounting/ar/customer-refunds"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"
import { settlePayout } from "../payout/evidence"
import { recordRefundPostingError } from "../payout/posting-errors"

export const reserveCustomerRefundStepId = "reserve-customer-refund"

/**
 * Locks and re-checks the credits, then reserves them (status `posting`)
 * while money moves. Compensation hands the draft back only when a read-back
 * of the provider and the loyalty plugin shows nothing was paid out; a
 * refund whose money moved stays reserved (money_moved) and is completed by
 * the posting-retry job.
 */
export const reserveCustomerRefundStep = createStep(
  reserveCustomerRefundStepId,
  async (input: { id: string; context: RefundContext } & Actor, { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const reserved = await accounting.reserveCustomerRefund(input.id, input.context, {
      actor_id: input.actor_id,
      origin: input.origin,
    })
    return new StepResponse(reserved, { id: input.id })
  },
  async (data, { container }) => {
    if (!data) {
      return
    }
    if ((await settlePayout(container, data.id)) === "moved") {
      await recordRefundPostingError(container, data.id, {
        message: "The refund was paid out but its posting failed; it completes on the next retry",
      })
      return
    }
    await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .releaseCustomerRefund(data.id, "posting failed before any money moved", { origin: "compensation" })
  }
)
