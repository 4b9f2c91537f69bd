import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

export const applyCreditStepId = "apply-credit"

export type ApplyCreditInput = {
  credit_memo_id: string
  order_id: string
  amount: string
  date: string
} & Actor

/** Applies a memo to an order; compensation unapplies it on the same date. */
export const applyCreditStep = createStep(
  applyCreditStepId,
  async (input: ApplyCreditInput, { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const applicationId = await accounting.applyCreditMemo(
      input.credit_memo_id,
      { order_id: input.order_id, amount: input.amount, date: input.date },
      { actor_id: input.actor_id, origin: input.origin }
    )
    return new StepResponse(applicationId, { id: input.credit_memo_id, applicationId, date: input.date })
  },
  async (data, { container }) => {
    if (data) {
      await container
        .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
        .unapplyCreditMemo(data.id, data.applicationId, data.date, { origin: "compensation" })
    }
  }
)
