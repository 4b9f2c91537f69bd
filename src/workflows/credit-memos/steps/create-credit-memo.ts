import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { CreditMemoInput } from "../../../modules/accounting/ar/credit-memos"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

export const createCreditMemoStepId = "create-credit-memo"

export const createCreditMemoStep = createStep(
  createCreditMemoStepId,
  async (input: { memo: CreditMemoInput } & Actor, { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const id = await accounting.createCreditMemo(input.memo, {
      actor_id: input.actor_id,
      origin: input.origin,
    })
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    // A memo issued since is undone by a void, which the composing workflow
    // ran first (goodwill refund); only a draft is deleted.
    const [memo] = await accounting.listCreditMemos({ id }, { select: ["status"] })
    if (memo?.status === "draft") {
      await accounting.deleteCreditMemoDraft(id, { origin: "compensation" })
    }
  }
)
