import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import { AccountingError, AccountingErrorCode } from "../../../modules/accounting/errors"
import type AccountingModuleService from "../../../modules/accounting/service"

export const validateCreditMemoStatusStepId = "validate-credit-memo-status"

const REFUSALS = {
  draft: { issued: "ALREADY_ISSUED", voided: "ALREADY_VOIDED" },
  issued: { draft: "NOT_ISSUED", voided: "ALREADY_VOIDED" },
} as const

/** Loads the memo a workflow acts on and refuses the wrong status with its code. */
export const validateCreditMemoStatusStep = createStep(
  validateCreditMemoStatusStepId,
  async (
    input: { id: string; expected_status: "draft" | "issued"; refusal_code?: AccountingErrorCode },
    { container }
  ) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const memo = await accounting.retrieveCreditMemo(input.id, { relations: ["lines"] })
    if (memo.status !== input.expected_status) {
      const code =
        input.refusal_code ??
        (REFUSALS[input.expected_status] as Record<string, any>)[memo.status] ??
        "IMMUTABLE"
      throw new AccountingError(code, `Credit memo ${memo.number ?? memo.id} is ${memo.status}`)
    }
    return new StepResponse(memo)
  }
)
