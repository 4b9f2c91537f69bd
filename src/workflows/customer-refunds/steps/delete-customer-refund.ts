import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

export const deleteCustomerRefundStepId = "delete-customer-refund"

/** Deletes a draft (posted refunds refuse with IMMUTABLE). Last step. */
export const deleteCustomerRefundStep = createStep(
  deleteCustomerRefundStepId,
  async (input: { id: string } & Actor, { container }) => {
    await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .deleteCustomerRefundDraft(input.id, { actor_id: input.actor_id, origin: input.origin })
    return new StepResponse(input.id)
  }
)
