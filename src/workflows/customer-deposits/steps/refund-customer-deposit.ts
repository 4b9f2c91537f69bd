import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"
import type { DepositRefundInput } from "../../../modules/accounting/ar/customer-deposits"

export const refundCustomerDepositStepId = "refund-customer-deposit"

export type RefundCustomerDepositStepInput = { id: string } & DepositRefundInput & Actor

/**
 * Posts the refund of a deposit. Money leaves: no compensation, so it runs
 * last among the writes of its workflow.
 */
export const refundCustomerDepositStep = createStep(
  refundCustomerDepositStepId,
  async (input: RefundCustomerDepositStepInput, { container }) => {
    const { id, actor_id, origin, ...refund } = input
    const refund_id = await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .refundCustomerDeposit(id, refund, { actor_id, origin })
    return new StepResponse({ id, refund_id })
  }
)
