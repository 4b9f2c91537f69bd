import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ACCOUNTING_MODULE } from "../../modules/accounting"
import type AccountingModuleService from "../../modules/accounting/service"
import { loadOrderSnapshots } from "./steps/load-order-snapshots"

export type BackfillOptions = {
  /** Only orders created on or after this date (YYYY-MM-DD). */
  since?: string
  dry_run?: boolean
  batch_size?: number
  onProgress?: (progress: BackfillProgress) => void
}

export type BackfillProgress = {
  orders: number
  total: number
  entries: number
  errors: { order_id: string; message: string }[]
  elapsed_ms: number
}

/**
 * Posts the history of a store that had orders before the plugin: every
 * order, oldest first, a batch at a time (one query for ids, two for the
 * batch's snapshots), through the same idempotent sync the subscribers use,
 * so running it twice adds nothing. A failing order is reported and skipped.
 */
export async function backfillOrders(
  container: MedusaContainer,
  options: BackfillOptions = {}
): Promise<BackfillProgress> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const batchSize = options.batch_size ?? 200
  const filters = options.since ? { created_at: { $gte: new Date(`${options.since}T00:00:00Z`) } } : {}
  const started = Date.now()
  const progress: BackfillProgress = { orders: 0, total: 0, entries: 0, errors: [], elapsed_ms: 0 }

  let cursor: { created_at: Date; id: string } | null = null
  for (;;) {
    // Keyset pagination: stable while orders keep arriving, and no OFFSET scans.
    const page: any = await query.graph({
      entity: "order",
      fields: ["id", "created_at"],
      filters: cursor
        ? {
            ...filters,
            $or: [
              { created_at: { $gt: cursor.created_at } },
              { created_at: cursor.created_at, id: { $gt: cursor.id } },
            ],
          }
        : filters,
      pagination: { take: batchSize, skip: 0, order: { created_at: "ASC", id: "ASC" } },
    })
    if (progress.total === 0) {
      progress.total = page.metadata?.count ?? 0
    }
    const ids: string[] = page.data.map((o: any) => o.id)
    if (!ids.length) {
      break
    }
    for (const snapshot of await loadOrderSnapshots(container, ids)) {
      try {
        const result = await accounting.syncOrderLedger(snapshot, {
          origin: "backfill",
          dry_run: options.dry_run,
        })
        progress.entries += result.posted.length
        for (const failure of result.failed ?? []) {
          progress.errors.push({ order_id: snapshot.id, message: failure.message })
        }
      } catch (e: any) {
        progress.errors.push({ order_id: snapshot.id, message: e?.message ?? String(e) })
      }
      progress.orders += 1
    }
    const last = page.data[page.data.length - 1]
    cursor = { created_at: last.created_at, id: last.id }
    progress.elapsed_ms = Date.now() - started
    options.onProgress?.({ ...progress })
    if (ids.length < batchSize) {
      break
    }
  }
  progress.elapsed_ms = Date.now() - started
  return progress
}
