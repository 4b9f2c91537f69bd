import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type AccountingModuleService from "../../../modules/accounting/service"
import { storeCreditModule } from "../../../lib/store-credit"
import { refundLockKey } from "../steps/lock-customer-refund"
import { completeCustomerRefundWorkflow } from "../workflows/complete-customer-refund"
import { payoutTransactions, settlePayout } from "./evidence"
import { recordRefundPostingError } from "./posting-errors"

export type RecoveryOutcome = "posted" | "released" | "pending" | "busy" | "nothing to do"

/**
 * Finishes a refund its posting left half-way (a failed booking, a process
 * that died): under the refund's lock, the payout is read back from the
 * provider or the loyalty plugin first. Money moved: the booking is retried
 * (idempotent). Nothing moved: store credit drawn for it goes back and the
 * draft is handed back. Money never moves here.
 */
export async function recoverCustomerRefund(container: MedusaContainer, id: string): Promise<RecoveryOutcome> {
  const locking = container.resolve(Modules.LOCKING)
  const owner = `recover:${randomUUID()}`
  try {
    await locking.acquire(refundLockKey(id), { ownerId: owner, expire: 300 })
  } catch {
    return "busy"
  }
  const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  try {
    const outcome = await settlePayout(container, id)
    const [refund] = await accounting.listCustomerRefunds({ id }, { select: ["id", "status"] })
    if (!refund || !["posting", "money_moved"].includes(refund.status)) {
      await accounting.resolvePostingErrors("customer_refund", id)
      return "nothing to do"
    }
    if (outcome === "moved") {
      const { errors } = await completeCustomerRefundWorkflow(container).run({
        input: { id, origin: "retry" },
        throwOnError: false,
      })
      const [after] = await accounting.listCustomerRefunds({ id }, { select: ["status"] })
      if (after?.status === "posted") {
        await accounting.resolvePostingErrors("customer_refund", id)
        return "posted"
      }
      const error: any = errors?.[0]?.error
      await recordRefundPostingError(container, id, { message: error?.message, code: error?.code })
      return "pending"
    }
    const drawn = await payoutTransactions(container, id)
    if (drawn.length) {
      await storeCreditModule(container)!.deleteTransactions(drawn.map((t) => t.id))
    }
    await accounting.releaseCustomerRefund(id, "recovered: the provider and the loyalty plugin show no payout", {
      origin: "retry",
    })
    await accounting.resolvePostingErrors("customer_refund", id)
    return "released"
  } finally {
    await locking.release(refundLockKey(id), { ownerId: owner })
  }
}
