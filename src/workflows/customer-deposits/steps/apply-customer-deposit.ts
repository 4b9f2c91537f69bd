import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"
import type { DepositApplicationInput } from "../../../modules/accounting/ar/customer-deposits"

export const applyCustomerDepositStepId = "apply-customer-deposit"

export type ApplyCustomerDepositStepInput = { id: string } & DepositApplicationInput & Actor

/** Posts the application. Compensation unapplies it on the same date (mirror entry). */
export const applyCustomerDepositStep = createStep(
  applyCustomerDepositStepId,
  async (input: ApplyCustomerDepositStepInput, { container }) => {
    const { id, actor_id, origin, ...application } = input
    const application_id = await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .applyCustomerDeposit(id, application, { actor_id, origin })
    return new StepResponse(
      { id, application_id, order_id: input.order_id },
      { id, application_id, date: input.date }
    )
  },
  async (data, { container }) => {
    if (data) {
      await container
        .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
        .unapplyCustomerDeposit(data.id, data.application_id, { date: data.date }, { origin: "compensation" })
    }
  }
)
