import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { ChecklistItem } from "../../../modules/accounting/ledger/close-checklist"
import type AccountingModuleService from "../../../modules/accounting/service"
import { reconciliationChecklistItem } from "../period-checklist"

export const checkPeriodReconciliationStepId = "check-period-reconciliation"

/**
 * The reconciliation half of the close checklist (it needs Medusa's payments,
 * so it runs here, not in the module). Reads only: nothing to compensate.
 */
export const checkPeriodReconciliationStep = createStep(
  checkPeriodReconciliationStepId,
  async (input: { id: string }, { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const { period } = await accounting.periodLedgerChecklist(input.id)
    return new StepResponse<ChecklistItem[]>([await reconciliationChecklistItem(container, period.end_date)])
  }
)
