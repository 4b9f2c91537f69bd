import type { MedusaContainer } from "@medusajs/framework/types"
import { ACCOUNTING_MODULE } from "../../modules/accounting"
import type AccountingModuleService from "../../modules/accounting/service"
import { recoverCustomerRefund } from "../customer-refunds/payout/recover"
import { REFUND_LOCK_SECONDS } from "../customer-refunds/steps/lock-customer-refund"
import { runOrderSync } from "./run-order-sync"

/**
 * Retries the posting errors that are due, and settles refunds whose posting
 * stopped half-way without leaving an error (the process died). Claiming
 * pushes an error's next attempt back under SKIP LOCKED, and refunds are
 * settled under their lock, so overlapping runs on several workers never
 * do the same work twice.
 */
export async function retryDuePostings(container: MedusaContainer, limit = 50) {
  const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const due = await accounting.claimDuePostingErrors(limit)
  let resolved = 0
  for (const error of due) {
    resolved += (await retryPosting(container, error, "retry")) ? 1 : 0
  }
  const stale = await accounting.listStaleRefunds(REFUND_LOCK_SECONDS)
  for (const id of stale) {
    await recoverCustomerRefund(container, id)
  }
  return { claimed: due.length, resolved, refunds_recovered: stale.length }
}

/** Retries one posting error now (order sync, or a refund left half-way); true when it is resolved. */
export async function retryPosting(
  container: MedusaContainer,
  error: { source_type: string; source_id: string; event_name?: string | null },
  origin: string
): Promise<boolean> {
  if (error.source_type === "order") {
    return await runOrderSync(container, error.source_id, { eventName: error.event_name ?? undefined, origin })
  }
  if (error.source_type === "customer_refund") {
    return ["posted", "released", "nothing to do"].includes(await recoverCustomerRefund(container, error.source_id))
  }
  return false
}
