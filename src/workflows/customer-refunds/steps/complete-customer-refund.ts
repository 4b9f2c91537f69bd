import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { MoneyMoved } from "../../../modules/accounting/ar/customer-refunds"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

export const completeCustomerRefundStepId = "complete-customer-refund"

/** Numbers and posts the refund and consumes the credits (idempotent). Final. */
export const completeCustomerRefundStep = createStep(
  completeCustomerRefundStepId,
  async (input: { id: string; moved?: MoneyMoved } & Actor, { container }) => {
    const result = await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .completeCustomerRefund(input.id, input.moved ?? {}, { actor_id: input.actor_id, origin: input.origin })
    return new StepResponse(result)
  }
)
