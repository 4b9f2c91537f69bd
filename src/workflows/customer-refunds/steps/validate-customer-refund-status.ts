import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { AccountingErrorCode } from "../../../modules/accounting/errors"
import type AccountingModuleService from "../../../modules/accounting/service"
import { assertStatus, StatusRefusals } from "../../common/assert-status"

export const validateCustomerRefundStatusStepId = "validate-customer-refund-status"

const REFUSALS: StatusRefusals = {
  draft: {
    posting: "POSTING_IN_PROGRESS",
    money_moved: "POSTING_IN_PROGRESS",
    posted: "ALREADY_POSTED",
    voided: "ALREADY_VOIDED",
  },
  posted: {
    draft: "NOT_POSTED",
    posting: "POSTING_IN_PROGRESS",
    money_moved: "POSTING_IN_PROGRESS",
    voided: "ALREADY_VOIDED",
  },
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
    assertStatus(
      "Refund",
      { id: input.id, number: refund.number, status: refund.status },
      input.expected_status,
      REFUSALS,
      input.refusal_code
    )
    return new StepResponse(refund)
  }
)
