import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { BankDepositInput } from "../../../modules/accounting/ar/bank-deposits"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { postBankDepositStep } from "../steps/post-bank-deposit"

export type PostBankDepositWorkflowInput = { deposit: BankDepositInput } & Actor

export const postBankDepositWorkflowId = "post-bank-deposit"

/**
 * Deposits receipts from Undeposited Funds to the bank (DS-). Hooks
 * `bankDepositValidated` (veto before posting) and `bankDepositPosted`;
 * event accounting.bank_deposit.posted.
 */
export const postBankDepositWorkflow = createWorkflow(
  postBankDepositWorkflowId,
  (input: PostBankDepositWorkflowInput) => {
    const bankDepositValidated = createHook("bankDepositValidated", { input })
    const posted = postBankDepositStep(input)
    const bankDepositPosted = createHook("bankDepositPosted", { posted, input })
    emitEventStep({
      eventName: AccountingEvents.BANK_DEPOSIT_POSTED,
      data: transform({ posted }, ({ posted }) => ({ id: posted.id })),
    })
    return new WorkflowResponse(posted, { hooks: [bankDepositValidated, bankDepositPosted] })
  }
)
