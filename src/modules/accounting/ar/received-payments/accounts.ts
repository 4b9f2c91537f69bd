import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import { AccountingError } from "../../errors"
import { loadAccountMap } from "../../ledger/settings"
import { assertPaymentAccount } from "../../rules/payment-account"

/**
 * The account money received by `method` goes into: the one given (a payment
 * account, never AR), else the method's mapping in settings.
 */
export async function receivingAccount(knex: Knex, method: string, accountId?: string | null): Promise<string> {
  const map = await loadAccountMap(knex)
  if (accountId) {
    const account = await knex("accounting_account").where({ id: accountId }).whereNull("deleted_at").first()
    if (!account) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `payment_account_id: account ${accountId} does not exist`)
    }
    assertPaymentAccount(account, { arAccountId: map.role.ar })
    return account.id
  }
  const mapped = map.method[method]
  if (!mapped) {
    throw new AccountingError(
      "ACCOUNT_NOT_MAPPED",
      `No account is mapped to the payment method ${method} (settings → method_accounts)`
    )
  }
  return mapped
}
