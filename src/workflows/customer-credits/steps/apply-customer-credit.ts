import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"


export const applyCustomerCreditStepId = "apply-customer-credit"

export type ApplyCustomerCreditInput = {
  customer_id: string
  credit_document_id: string
  order_id: string
  amount: string
  date: string
} & Actor

/** Applies a credit to an order; compensation unapplies it on the same date. */
export const applyCustomerCreditStep = createStep(
  applyCustomerCreditStepId,
  async (input: ApplyCustomerCreditInput, { container }) => {
    const { actor_id, origin, ...application } = input
    const applicationId = await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .applyCustomerCredit(application, { actor_id, origin })
    return new StepResponse(applicationId, { customer_id: input.customer_id, applicationId, date: input.date })
  },
  async (data, { container }) => {
    if (data) {
      await container
        .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
        .unapplyCustomerCredit(
          { customer_id: data.customer_id, application_id: data.applicationId, date: data.date },
          { origin: "compensation" }
        )
    }
  }
)
