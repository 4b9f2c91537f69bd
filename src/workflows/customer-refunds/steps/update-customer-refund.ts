import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { CustomerRefundInput, RefundContext } from "../../../modules/accounting/ar/customer-refunds"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

export const updateCustomerRefundStepId = "update-customer-refund"

export type CustomerRefundUpdate = Partial<Omit<CustomerRefundInput, "customer_id">>

/** Edits a draft; compensation puts the previous version back. */
export const updateCustomerRefundStep = createStep(
  updateCustomerRefundStepId,
  async (
    input: { id: string; update: CustomerRefundUpdate; context: RefundContext } & Actor,
    { container }
  ) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const { status, customer_id, ...previous } = await accounting.getCustomerRefundInput(input.id)
    await accounting.updateCustomerRefundDraft(input.id, input.update, input.context, {
      actor_id: input.actor_id,
      origin: input.origin,
    })
    return new StepResponse(input.id, {
      id: input.id,
      previous: previous as CustomerRefundUpdate,
      context: input.context,
    })
  },
  async (data, { container }) => {
    if (data) {
      await container
        .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
        .updateCustomerRefundDraft(data.id, data.previous, data.context, { origin: "compensation" })
    }
  }
)
