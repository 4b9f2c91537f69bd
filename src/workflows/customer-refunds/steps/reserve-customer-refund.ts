import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { RefundContext } from "../../../modules/accounting/ar/customer-refunds"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"
import { runOrderSync } from "../../order-accounting/run-order-sync"

export const reserveCustomerRefundStepId = "reserve-customer-refund"

/**
 * Locks and re-checks the credits, then reserves them (status `posting`)
 * while money moves. Compensation hands the draft back untouched, and
 * re-syncs the card payment's order so a refund that did reach Medusa is
 * still booked.
 */
export const reserveCustomerRefundStep = createStep(
  reserveCustomerRefundStepId,
  async (input: { id: string; context: RefundContext } & Actor, { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const reserved = await accounting.reserveCustomerRefund(input.id, input.context, {
      actor_id: input.actor_id,
      origin: input.origin,
    })
    return new StepResponse(reserved, { id: input.id, order_id: input.context.payment?.order_id ?? null })
  },
  async (data, { container }) => {
    if (!data) {
      return
    }
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    await accounting.releaseCustomerRefund(data.id, "posting failed; compensated", { origin: "compensation" })
    if (data.order_id) {
      await runOrderSync(container, data.order_id, { origin: "compensation" })
    }
  }
)
