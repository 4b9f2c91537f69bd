import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AccountingEvents, AccountingEventPayloads } from "../../../modules/accounting/events"
import { loadOrderSnapshotStep } from "../steps/load-order-snapshots"
import { syncOrderLedgerStep } from "../steps/sync-order-ledger"

export type SyncOrderAccountingWorkflowInput = {
  order_id: string
  origin?: string
  dry_run?: boolean
}

export const syncOrderAccountingWorkflowId = "sync-order-accounting"

/**
 * Posts an order's receivable, changes, captures and refunds to the journal
 * and the AR subledger, each once. Safe to run any number of times, for any
 * event of the order, in any order. Hooks: `orderSnapshotLoaded` (inspect or
 * refuse before posting) and `orderLedgerSynced`; event
 * accounting.journal_entry.posted for each entry it posted, and
 * accounting.credit_memo.issued for each return it documented as a memo.
 */
export const syncOrderAccountingWorkflow = createWorkflow(
  syncOrderAccountingWorkflowId,
  (input: SyncOrderAccountingWorkflowInput) => {
    const snapshot = loadOrderSnapshotStep({ order_id: input.order_id })
    const orderSnapshotLoaded = createHook("orderSnapshotLoaded", { snapshot, input })
    const result = syncOrderLedgerStep({ snapshot, origin: input.origin, dry_run: input.dry_run })
    const orderLedgerSynced = createHook("orderLedgerSynced", { result, input })
    emitEventStep({
      eventName: AccountingEvents.JOURNAL_ENTRY_POSTED,
      data: transform({ result, input }, ({ result, input }) =>
        input.dry_run
          ? []
          : (result?.posted ?? []).map(
              (p): AccountingEventPayloads["accounting.journal_entry.posted"] => ({
                id: p.entry_id,
                source_type: p.kind === "recognition" ? "order" : p.kind,
                order_id: result!.order_id,
              })
            )
      ),
    })
    emitEventStep({
      eventName: AccountingEvents.CREDIT_MEMO_ISSUED,
      data: transform({ result, input }, ({ result, input }) =>
        input.dry_run
          ? []
          : (result?.posted ?? []).flatMap((p) => (p.credit_memo_id ? [{ id: p.credit_memo_id }] : []))
      ),
    }).config({ name: "emit-return-credit-memos-issued" })
    return new WorkflowResponse(result, { hooks: [orderSnapshotLoaded, orderLedgerSynced] })
  }
)
