import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { AccountingErrorCode } from "../../../modules/accounting/errors"
import type AccountingModuleService from "../../../modules/accounting/service"
import { assertStatus, StatusRefusals } from "../../common/assert-status"

export const validateCreditMemoStatusStepId = "validate-credit-memo-status"

const REFUSALS: StatusRefusals = {
  draft: { issued: "ALREADY_ISSUED", voided: "ALREADY_VOIDED" },
  issued: { draft: "NOT_ISSUED", voided: "ALREADY_VOIDED" },
}

/** Loads the memo a workflow acts on and refuses the wrong status with its code. */
export const validateCreditMemoStatusStep = createStep(
  validateCreditMemoStatusStepId,
  async (
    input: { id: string; expected_status: "draft" | "issued"; refusal_code?: AccountingErrorCode },
    { container }
  ) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const memo = await accounting.retrieveCreditMemo(input.id, { relations: ["lines"] })
    assertStatus("Credit memo", memo, input.expected_status, REFUSALS, input.refusal_code)
    return new StepResponse(memo)
  }
)
