import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

export const voidGoodwillMemoOnFailureStepId = "void-goodwill-memo-on-failure"

/**
 * Does nothing going forward; its compensation is the undo of the issued
 * allowance memo when the refund after it fails: the memo is voided (an
 * issued memo is never deleted), unless a refund drawing on it has moved
 * money, which only completes (the posting-retry job books it).
 */
export const voidGoodwillMemoOnFailureStep = createStep(
  voidGoodwillMemoOnFailureStepId,
  async (input: { id: string } & Actor) => new StepResponse(input.id, { id: input.id, actor_id: input.actor_id }),
  async (undo, { container }) => {
    if (undo) {
      await container
        .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
        .voidGoodwillMemo(undo.id, { actor_id: undo.actor_id, origin: "compensation" })
    }
  }
)
