import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { CreditMemoUpdate } from "../../../modules/accounting/ar/credit-memos"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"
import { readMoney } from "../../../modules/accounting/rules/money"

export const updateCreditMemoStepId = "update-credit-memo"

/** Edits a draft (an issued memo refuses with IMMUTABLE); compensation restores it. */
export const updateCreditMemoStep = createStep(
  updateCreditMemoStepId,
  async (input: { id: string; update: CreditMemoUpdate } & Actor, { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const before: any = await accounting.retrieveCreditMemo(input.id, { relations: ["lines"] })
    await accounting.updateCreditMemoDraft(input.id, input.update, {
      actor_id: input.actor_id,
      origin: input.origin,
    })
    const previous: CreditMemoUpdate = {
      order_id: before.order_id,
      return_id: before.return_id,
      memo_date: before.memo_date,
      reason: before.reason,
      metadata: before.metadata,
      lines: before.lines.map((l: any) => ({
        kind: l.kind,
        description: l.description,
        amount: readMoney(l, "amount"),
        tax_amount: readMoney(l, "tax_amount"),
        line_item_id: l.line_item_id,
      })),
    }
    return new StepResponse(input.id, { id: input.id, previous })
  },
  async (data, { container }) => {
    if (data) {
      await container
        .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
        .updateCreditMemoDraft(data.id, data.previous, { origin: "compensation" })
    }
  }
)
