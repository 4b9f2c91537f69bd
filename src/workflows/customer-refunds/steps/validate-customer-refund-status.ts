import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import { AccountingError, AccountingErrorCode } from "../../../modules/accounting/errors"
import type AccountingModuleService from "../../../modules/accounting/service"

export const validateCustomerRefundStatusStepId = "validate-customer-refund-status"

const REFUSALS: Record<string, Record<string, any>> = {
  draft: { posting: "POSTING_IN_PROGRESS", posted: "ALREADY_POSTED", voided: "ALREADY_VOIDED" },
  posted: { draft: "NOT_POSTED", posting: "POSTING_IN_PROGRESS", voided: "ALREADY_VOIDED" },
}

/** Loads the refund a workflow acts on (with its lines) and refuses the wrong status. */
export const validateCustomerRefundStatusStep = createStep(
  validateCustomerRefundStatusStepId,
  async (
    input: { id: string; expected_status: "draft" | "posted"; refusal_code?: AccountingErrorCode },
    { container }
  ) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const refund = await accounting.getCustomerRefundInput(input.id)
    if (refund.status !== input.expected_status) {
      throw new AccountingError(
        input.refusal_code ?? REFUSALS[input.expected_status][refund.status] ?? "IMMUTABLE",
        `Refund ${(refund as any).number ?? input.id} is ${refund.status}`
      )
    }
    return new StepResponse(refund)
  }
)
