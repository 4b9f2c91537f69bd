import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import { AccountingEvents } from "../../../modules/accounting/events"
import type AccountingModuleService from "../../../modules/accounting/service"

/**
 * Keeps a refund whose money moved but whose booking failed in the
 * posting-errors list (retried by the posting-retry job) and announces it.
 */
export async function recordRefundPostingError(
  container: MedusaContainer,
  refundId: string,
  error: { message?: string; code?: string | null }
) {
  const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  container
    .resolve(ContainerRegistrationKeys.LOGGER)
    .warn(`accounting: refund ${refundId} paid out, booking pending (${error.code ?? "error"}): ${error.message}`)
  const recorded = await accounting.recordPostingError({
    source_type: "customer_refund",
    source_id: refundId,
    message: String(error.message ?? "posting failed").slice(0, 2000),
    code: typeof error.code === "string" ? error.code : null,
  })
  if (recorded) {
    await container.resolve(Modules.EVENT_BUS).emit({
      name: AccountingEvents.POSTING_FAILED,
      data: { id: recorded.id, source_type: "customer_refund", source_id: refundId },
    })
  }
}
