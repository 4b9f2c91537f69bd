import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import { AccountingError } from "../../errors"
import { readMoney } from "../../rules/money"

export type LockedDeposit = {
  id: string
  number: string
  status: string
  customer_id: string
  currency_code: string
  deposit_date: string
  method: string
  deposit_account_id: string
  journal_entry_id: string
  amount: ReturnType<typeof readMoney>
  applied_amount: ReturnType<typeof readMoney>
  refunded_amount: ReturnType<typeof readMoney>
}

/**
 * Locks a deposit row (SELECT … FOR UPDATE) for the rest of the transaction:
 * two applications or refunds of one deposit queue here, and the second reads
 * what the first left. Refuses a voided deposit (ALREADY_VOIDED).
 */
export async function lockDeposit(knex: Knex, id: string, { allowVoided = false } = {}): Promise<LockedDeposit> {
  const row = await knex("accounting_customer_deposit").where({ id }).whereNull("deleted_at").forUpdate().first()
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Deposit ${id} was not found`)
  }
  if (row.status === "voided" && !allowVoided) {
    throw new AccountingError("ALREADY_VOIDED", `Deposit ${row.number} is voided`)
  }
  return {
    ...row,
    amount: readMoney(row, "amount"),
    applied_amount: readMoney(row, "applied_amount"),
    refunded_amount: readMoney(row, "refunded_amount"),
  }
}
