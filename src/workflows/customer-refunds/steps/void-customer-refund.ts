import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

export const voidCustomerRefundStepId = "void-customer-refund"

export const voidCustomerRefundStep = createStep(
  voidCustomerRefundStepId,
  async (input: { id: string; date: string; record_only?: boolean } & Actor, { container }) => {
    await container.resolve<AccountingModuleService>(ACCOUNTING_MODULE).voidCustomerRefund(
      input.id,
      { date: input.date, record_only: input.record_only },
      {
        actor_id: input.actor_id,
        origin: input.origin,
      }
    )
    return new StepResponse(input.id)
  }
)
