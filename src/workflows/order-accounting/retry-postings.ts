import type { MedusaContainer } from "@medusajs/framework/types"
import { ACCOUNTING_MODULE } from "../../modules/accounting"
import type AccountingModuleService from "../../modules/accounting/service"
import { runOrderSync } from "./run-order-sync"

/**
 * Retries the posting errors that are due. Claiming pushes their next
 * attempt back under SKIP LOCKED, so overlapping runs on several workers
 * never retry the same error twice.
 */
export async function retryDuePostings(container: MedusaContainer, limit = 50) {
  const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const due = await accounting.claimDuePostingErrors(limit)
  let resolved = 0
  for (const error of due) {
    if (
      error.source_type === "order" &&
      (await runOrderSync(container, error.source_id, { eventName: error.event_name, origin: "retry" }))
    ) {
      resolved += 1
    }
  }
  return { claimed: due.length, resolved }
}
