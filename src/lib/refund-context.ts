import type { MedusaContainer } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { ACCOUNTING_MODULE } from "../modules/accounting"
import type { RefundContext, RefundLineInput } from "../modules/accounting/ar/customer-refunds"
import { availableCredit } from "../modules/accounting/rules/available-credit"
import type AccountingModuleService from "../modules/accounting/service"
import { loadOrderRefunds, loadPayments } from "./payments"
import { storeCreditModule } from "./store-credit"

/**
 * Reads what the accounting module cannot see itself: the Medusa payment a
 * card refund goes back to (refundable = captured - refunded), the loyalty
 * store-credit accounts a refund draws on (balance), and the Medusa refunds
 * of the orders whose credits it draws on (all must be booked).
 */
export async function loadRefundContext(
  container: MedusaContainer,
  input: { payment_id?: string | null; lines?: RefundLineInput[] }
): Promise<RefundContext> {
  const context: RefundContext = { payment: null, store_credit_accounts: {}, order_refunds: {} }
  if (input.payment_id) {
    context.payment = (await loadPayments(container, [input.payment_id])).get(input.payment_id) ?? null
  }
  const lines = input.lines ?? []
  const accountIds = lines.filter((l) => l.source_type === "store_credit").map((l) => l.source_id)
  const storeCredit = storeCreditModule(container)
  if (accountIds.length && storeCredit) {
    for (const account of await storeCredit.listStoreCreditAccounts({ id: accountIds })) {
      context.store_credit_accounts![account.id] = {
        customer_id: account.customer_id,
        currency_code: account.currency_code,
        balance: MathBN.convert(account.balance ?? 0).toString(),
      }
    }
  }
  const orderCredits = lines.filter((l) => l.source_type === "overpayment" || l.source_type === "negative_invoice")
  if (orderCredits.length) {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const docs = await accounting.listArDocuments(
      { id: orderCredits.map((l) => l.source_id) },
      { select: ["id", "order_id"] }
    )
    const orders = [...new Set(docs.map((d) => d.order_id).filter((x): x is string => !!x))]
    context.order_refunds = await loadOrderRefunds(container, orders)
  }
  return context
}

/** The customer's loyalty store-credit balances as refundable credits (less reservations). */
export async function loadStoreCreditCredits(container: MedusaContainer, customerId: string, currency?: string) {
  const storeCredit = storeCreditModule(container)
  if (!storeCredit) {
    return []
  }
  const accounts = await storeCredit.listStoreCreditAccounts({
    customer_id: customerId,
    ...(currency && { currency_code: currency.toLowerCase() }),
  })
  const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const reserved = await accounting.reservedStoreCredit(accounts.map((a) => a.id))
  return accounts
    .map((a) => {
      const balance = MathBN.convert(a.balance ?? 0)
      return {
        source_type: "store_credit" as const,
        source_id: a.id,
        ar_document_id: null,
        document_number: a.code ?? null,
        document_date: null,
        order_id: null,
        currency_code: a.currency_code,
        original_amount: balance.toString(),
        remaining_amount: availableCredit(balance.toString(), reserved.get(a.id)).toString(),
      }
    })
    .filter((c) => MathBN.gt(c.remaining_amount, 0))
}
