import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { BankDepositInput, PostedBankDeposit } from "../../../modules/accounting/ar/bank-deposits"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

export const postBankDepositStepId = "post-bank-deposit"

/**
 * Posts the deposit slip in one transaction. A posted deposit is immutable:
 * nothing but a reversal could undo it, so this is the workflow's last write
 * and has no compensation.
 */
export const postBankDepositStep = createStep(
  postBankDepositStepId,
  async (input: { deposit: BankDepositInput } & Actor, { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const posted = await accounting.postBankDeposit(input.deposit, {
      actor_id: input.actor_id,
      origin: input.origin,
    })
    return new StepResponse<PostedBankDeposit>(posted)
  }
)
