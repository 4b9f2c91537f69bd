import type { MedusaContainer } from "@medusajs/framework/types"
import type { BigNumberInput } from "@medusajs/framework/types"

export const STORE_CREDIT_MODULE = "store_credit"

type Transaction = {
  id: string
  account_id: string
  type: "credit" | "debit"
  amount: any
  raw_amount?: any
  reference: string
  reference_id: string
  note?: string | null
}
type Account = { id: string; customer_id: string | null; currency_code: string; balance?: any; code?: string }
type Movement = { account_id: string; amount: BigNumberInput; note?: string; reference: string; reference_id: string }

/**
 * The part of @medusajs/loyalty-plugin's store-credit module this plugin
 * uses. The plugin ships no service types, so this interface is the one
 * place that says what we rely on.
 */
export interface StoreCreditModule {
  listStoreCreditAccounts(filters: Record<string, unknown>, config?: Record<string, unknown>): Promise<Account[]>
  createStoreCreditAccounts(data: { customer_id: string; currency_code: string }[]): Promise<Account[]>
  creditAccounts(data: Movement[]): Promise<Transaction[]>
  debitAccounts(data: Movement[]): Promise<Transaction[]>
  listAccountTransactions(filters: Record<string, unknown>, config?: Record<string, unknown>): Promise<Transaction[]>
  deleteTransactions(ids: string[]): Promise<void>
}

/** The loyalty plugin's store-credit module, or null when the store does not run it. */
export function storeCreditModule(container: MedusaContainer): StoreCreditModule | null {
  return container.hasRegistration(STORE_CREDIT_MODULE) ? container.resolve<StoreCreditModule>(STORE_CREDIT_MODULE) : null
}
