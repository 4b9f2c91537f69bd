import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { ImportGroup, RefundContext } from "../../../modules/accounting/ar/customer-refunds"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

export const importCustomerRefundsStepId = "import-customer-refunds"

export type ImportCustomerRefundsStepInput = {
  groups: ImportGroup[]
  context: RefundContext
  /** Keep the good refunds when others fail. */
  partial: boolean
  /** Check every refund but keep none (the file has errors elsewhere). */
  reject: boolean
} & Actor

/**
 * Saves the drafts, each checked like a single refund (createCustomerRefundDraft)
 * plus the credits several rows share; all or nothing unless `partial`.
 */
export const importCustomerRefundsStep = createStep(
  importCustomerRefundsStepId,
  async (input: ImportCustomerRefundsStepInput, { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const result = await accounting.importCustomerRefundDrafts(
      input.groups,
      input.context,
      { actor_id: input.actor_id, origin: input.origin },
      { partial: input.partial, reject: input.reject }
    )
    return new StepResponse(result, result.created)
  },
  async (created, { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    for (const id of created ?? []) {
      await accounting.deleteCustomerRefundDraft(id, { origin: "compensation" })
    }
  }
)
