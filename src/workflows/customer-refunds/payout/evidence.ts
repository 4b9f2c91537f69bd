import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { MoneyMoved } from "../../../modules/accounting/ar/customer-refunds"
import type AccountingModuleService from "../../../modules/accounting/service"
import { storeCreditModule } from "../../../lib/store-credit"

/**
 * What the provider or the loyalty plugin says was paid out for a refund:
 * the Medusa refund carrying our refund's id (Medusa records it before it
 * calls the provider, and deletes it when the provider refuses), or the
 * loyalty credit referencing it. Null when nothing moved.
 */
export async function payoutEvidence(
  container: MedusaContainer,
  refund: { id: string; method: string; payment_id?: string | null }
): Promise<MoneyMoved | null> {
  if (refund.method === "card" && refund.payment_id) {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "refund",
      fields: ["id", "metadata"],
      filters: { payment_id: refund.payment_id },
    })
    const paid = data.find((r) => r.metadata?.accounting_customer_refund_id === refund.id)
    return paid ? { medusa_refund_id: paid.id } : null
  }
  if (refund.method === "store_credit") {
    const [credit] = await payoutTransactions(container, refund.id, "credit")
    return credit ? { store_credit_transaction_id: credit.id } : null
  }
  return null
}

/** The loyalty transactions a refund's payout made (reference customer_refund). */
export async function payoutTransactions(container: MedusaContainer, refundId: string, type?: "credit" | "debit") {
  const storeCredit = storeCreditModule(container)
  if (!storeCredit) {
    return []
  }
  return await storeCredit.listAccountTransactions({
    reference: "customer_refund",
    reference_id: refundId,
    ...(type && { type }),
  })
}

export type PayoutOutcome = "moved" | "not_moved"

/**
 * Settles whether a refund's money moved, by reading the provider or the
 * loyalty plugin back, and records it (money_moved) when it did. A refund in
 * draft never paid out; one past `posting` already did.
 */
export async function settlePayout(container: MedusaContainer, refundId: string): Promise<PayoutOutcome> {
  const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const [refund] = await accounting.listCustomerRefunds(
    { id: refundId },
    { select: ["id", "status", "method", "payment_id"] }
  )
  if (!refund || refund.status === "draft") {
    return "not_moved"
  }
  if (refund.status !== "posting") {
    return "moved"
  }
  const evidence = await payoutEvidence(container, refund)
  if (!evidence) {
    return "not_moved"
  }
  await accounting.markMoneyMoved(refundId, evidence, { origin: "payout-read-back" })
  return "moved"
}
