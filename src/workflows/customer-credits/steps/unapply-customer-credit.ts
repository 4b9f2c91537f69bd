import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"


export const unapplyCustomerCreditStepId = "unapply-customer-credit"

/** Ends an application batch; both sides get back what it took. */
export const unapplyCustomerCreditStep = createStep(
  unapplyCustomerCreditStepId,
  async (input: { customer_id: string; application_id: string; date: string } & Actor, { container }) => {
    const { actor_id, origin, ...unapply } = input
    const documentId = await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .unapplyCustomerCredit(unapply, { actor_id, origin })
    return new StepResponse(documentId)
  }
)
