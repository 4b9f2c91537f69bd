import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { checkPeriodReconciliationStep } from "../steps/check-period-reconciliation"
import { setAccountingPeriodStatusStep } from "../steps/set-period-status"

/** The period, and why it is closed or reopened (kept in the audit trail). */
export type PeriodStatusInput = { id: string; reason?: string | null } & Actor

/** A close may be forced past blocking checklist items, with a reason (audited). */
export type ClosePeriodInput = PeriodStatusInput & { force?: boolean }

export const closeAccountingPeriodWorkflowId = "close-accounting-period"

/**
 * Closes a period: nothing can be posted or voided inside it afterwards.
 * Refused (PERIOD_CHECKLIST_BLOCKED) while the close checklist has blocking
 * items (drafts, pending posting errors, unposted refunds, reconciliation
 * differences) unless `force`d with a reason. Hooks `periodChecklistChecked`
 * (see or veto the checklist) and `periodClosed`; event accounting.period.closed.
 */
export const closeAccountingPeriodWorkflow = createWorkflow(
  closeAccountingPeriodWorkflowId,
  (input: ClosePeriodInput) => {
    const checklist = checkPeriodReconciliationStep({ id: input.id })
    const periodChecklistChecked = createHook("periodChecklistChecked", { checklist, input })
    const statusInput = transform({ input, checklist }, ({ input, checklist }) => ({
      ...input,
      checklist,
      status: "closed" as const,
    }))
    const period = setAccountingPeriodStatusStep(statusInput)
    const periodClosed = createHook("periodClosed", { period })
    emitEventStep({ eventName: AccountingEvents.PERIOD_CLOSED, data: { id: input.id } })
    return new WorkflowResponse(period, { hooks: [periodChecklistChecked, periodClosed] })
  }
)

export const reopenAccountingPeriodWorkflowId = "reopen-accounting-period"

/** Reopens a closed period (audited). Hook `periodReopened`; event accounting.period.reopened. */
export const reopenAccountingPeriodWorkflow = createWorkflow(
  reopenAccountingPeriodWorkflowId,
  (input: PeriodStatusInput) => {
    const statusInput = transform({ input }, ({ input }) => ({ ...input, status: "open" as const }))
    const period = setAccountingPeriodStatusStep(statusInput)
    const periodReopened = createHook("periodReopened", { period })
    emitEventStep({ eventName: AccountingEvents.PERIOD_REOPENED, data: { id: input.id } })
    return new WorkflowResponse(period, { hooks: [periodReopened] })
  }
)
