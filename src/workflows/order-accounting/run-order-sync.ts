import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ACCOUNTING_MODULE } from "../../modules/accounting"
import { AccountingEvents } from "../../modules/accounting/events"
import type AccountingModuleService from "../../modules/accounting/service"
import { syncOrderAccountingWorkflow } from "./workflows/sync-order-accounting"

/**
 * Runs the order sync for store activity and never lets a failure reach the
 * store's own flow: the error is kept in the posting-errors list (retried by
 * the posting-retry job) and announced with accounting.posting.failed.
 */
export async function runOrderSync(
  container: MedusaContainer,
  orderId: string,
  { eventName, origin = "subscriber" }: { eventName?: string; origin?: string } = {}
): Promise<boolean> {
  const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const { result, errors } = await syncOrderAccountingWorkflow(container).run({
    input: { order_id: orderId, origin },
    throwOnError: false,
  })
  // Items refused one by one: the rest of the order posted, these wait for a retry.
  const failed = result?.failed ?? []
  if (!errors?.length && !failed.length) {
    await accounting.resolvePostingErrors("order", orderId)
    return true
  }
  const error: any = errors?.length
    ? errors[0].error
    : { code: failed[0].code, message: failed.map((f) => f.message).join("; ") }
  container
    .resolve(ContainerRegistrationKeys.LOGGER)
    .warn(`accounting: posting order ${orderId} failed (${error?.code ?? "error"}): ${error?.message}`)
  const recorded = await accounting.recordPostingError({
    source_type: "order",
    source_id: orderId,
    event_name: eventName ?? null,
    message: String(error?.message ?? error).slice(0, 2000),
    code: typeof error?.code === "string" ? error.code : null,
  })
  if (recorded) {
    await container.resolve(Modules.EVENT_BUS).emit({
      name: AccountingEvents.POSTING_FAILED,
      data: { id: recorded.id, source_type: "order", source_id: orderId },
    })
  }
  return false
}
