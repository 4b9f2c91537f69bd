import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { CustomerRefundInput, RefundContext } from "../../../modules/accounting/ar/customer-refunds"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

export const createCustomerRefundStepId = "create-customer-refund"

/** Saves the draft (every line checked against the credits available now). */
export const createCustomerRefundStep = createStep(
  createCustomerRefundStepId,
  async (input: { refund: CustomerRefundInput; context: RefundContext } & Actor, { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const id = await accounting.createCustomerRefundDraft(input.refund, input.context, {
      actor_id: input.actor_id,
      origin: input.origin,
    })
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (id) {
      await container
        .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
        .deleteCustomerRefundDraft(id, { origin: "compensation" })
    }
  }
)
