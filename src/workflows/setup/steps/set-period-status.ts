import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type AccountingModuleService from "../../../modules/accounting/service"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type { ChecklistItem } from "../../../modules/accounting/ledger/close-checklist"

export const setAccountingPeriodStatusStepId = "set-accounting-period-status"

/** Closes or reopens a period (with the reason, for the audit trail); compensation does the opposite (audited as such). */
export const setAccountingPeriodStatusStep = createStep(
  setAccountingPeriodStatusStepId,
  async (
    input: {
      id: string
      status: "open" | "closed"
      reason?: string | null
      force?: boolean
      checklist?: ChecklistItem[]
    } & Actor,
    { container }
  ) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const actor = {
      actor_id: input.actor_id,
      origin: input.origin,
      reason: input.reason,
      force: input.force,
      checklist: input.checklist,
    }
    const period =
      input.status === "closed"
        ? await accounting.closeAccountingPeriod(input.id, actor)
        : await accounting.reopenAccountingPeriod(input.id, actor)
    return new StepResponse(period, { id: input.id, status: input.status, actor_id: input.actor_id })
  },
  async (input, { container }) => {
    if (!input) {
      return
    }
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const actor = { actor_id: input.actor_id, origin: "compensation" }
    if (input.status === "closed") {
      await accounting.reopenAccountingPeriod(input.id, actor)
    } else {
      // Back to where it was: the checklist was already passed (or forced) when it closed.
      await accounting.closeAccountingPeriod(input.id, { ...actor, force: true, reason: "compensation" })
    }
  }
)
