import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { VoidRefundInput } from "../../../modules/accounting/ar/customer-refunds"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

export const voidCustomerRefundStepId = "void-customer-refund"

export const voidCustomerRefundStep = createStep(
  voidCustomerRefundStepId,
  async (input: { id: string } & VoidRefundInput & Actor, { container }) => {
    const { id, actor_id, origin, ...voiding } = input
    await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .voidCustomerRefund(id, voiding, { actor_id, origin })
    return new StepResponse(id)
  }
)
