import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { setAccountingPeriodStatusStep } from "../steps/set-period-status"

/** The period, and why it is closed or reopened (kept in the audit trail). */
export type PeriodStatusInput = { id: string; reason?: string | null } & Actor

export const closeAccountingPeriodWorkflowId = "close-accounting-period"

/**
 * Closes a period: nothing can be posted or voided inside it afterwards.
 * Hook `periodClosed`; event accounting.period.closed.
 */
export const closeAccountingPeriodWorkflow = createWorkflow(
  closeAccountingPeriodWorkflowId,
  (input: PeriodStatusInput) => {
    const statusInput = transform({ input }, ({ input }) => ({ ...input, status: "closed" as const }))
    const period = setAccountingPeriodStatusStep(statusInput)
    const periodClosed = createHook("periodClosed", { period })
    emitEventStep({ eventName: AccountingEvents.PERIOD_CLOSED, data: { id: input.id } })
    return new WorkflowResponse(period, { hooks: [periodClosed] })
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
