import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ACCOUNTING_MODULE } from "../../modules/accounting"
import type AccountingModuleService from "../../modules/accounting/service"
import { runOrderSync } from "./run-order-sync"

const OVERLAP_MS = 5 * 60_000
const BATCH = 200

/**
 * Syncs the orders updated since the previous sweep. The window is claimed
 * atomically, so two workers sweeping at once split the work; syncing an
 * order twice is harmless anyway.
 */
export async function sweepChangedOrders(container: MedusaContainer) {
  const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { from, to } = await accounting.claimSyncWindow()
  if (!from) {
    // First run: history is the backfill script's job.
    return { synced: 0 }
  }
  let synced = 0
  for (let skip = 0; ; skip += BATCH) {
    const { data } = await query.graph({
      entity: "order",
      fields: ["id"],
      filters: { updated_at: { $gte: new Date(new Date(from).getTime() - OVERLAP_MS), $lte: to } },
      pagination: { skip, take: BATCH, order: { updated_at: "ASC" } },
    })
    for (const order of data) {
      await runOrderSync(container, order.id, { origin: "sweep" })
      synced += 1
    }
    if (data.length < BATCH) {
      break
    }
  }
  return { synced }
}
