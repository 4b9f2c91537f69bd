import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ACCOUNTING_MODULE } from "../../modules/accounting"
import type AccountingModuleService from "../../modules/accounting/service"
import { runOrderSync } from "./run-order-sync"

const OVERLAP_MS = 5 * 60_000
const BATCH = 200

/**
 * Syncs the orders updated since the previous sweep, and the orders whose
 * payments were captured or refunded since then (Medusa does not touch
 * order.updated_at for those, so a lost payment.captured/refunded event
 * would otherwise never be swept). The window is claimed atomically, so two
 * workers sweeping at once split the work; syncing an order twice is
 * harmless anyway.
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
  const since = new Date(new Date(from).getTime() - OVERLAP_MS)
  const seen = new Set<string>()
  for (let skip = 0; ; skip += BATCH) {
    const { data } = await query.graph({
      entity: "order",
      fields: ["id"],
      filters: { updated_at: { $gte: since, $lte: to } },
      pagination: { skip, take: BATCH, order: { updated_at: "ASC" } },
    })
    for (const order of data) {
      seen.add(order.id)
      await runOrderSync(container, order.id, { origin: "sweep" })
      synced += 1
    }
    if (data.length < BATCH) {
      break
    }
  }
  for (const entity of ["capture", "refund"]) {
    for (let skip = 0; ; skip += BATCH) {
      const { data } = await query.graph({
        entity,
        fields: ["id", "payment.payment_collection.order.id"],
        filters: { created_at: { $gte: since, $lte: to } },
        pagination: { skip, take: BATCH, order: { created_at: "ASC" } },
      })
      for (const row of data) {
        const orderId: string | undefined = row.payment?.payment_collection?.order?.id
        if (orderId && !seen.has(orderId)) {
          seen.add(orderId)
          await runOrderSync(container, orderId, { origin: "sweep" })
          synced += 1
        }
      }
      if (data.length < BATCH) {
        break
      }
    }
  }
  return { synced }
}
