import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import { AccountingError } from "../../errors"
import { Actor, recordAudit } from "../../ledger/audit"
import { assertDateAllowed } from "../../ledger/clock"
import { assertPeriodOpen } from "../../ledger/periods"
import { postEntry } from "../../ledger/posting"
import { loadAccountMap, roleAccount } from "../../ledger/settings"
import { assertDepositMethod, assertWithinDeposit, depositStatus } from "../../rules/deposit-remaining"
import { assertAtPrecision, moneyColumns } from "../../rules/money"
import { receivingAccount } from "../received-payments/accounts"
import { lockDeposit } from "./lock"
import type { DepositRefundInput } from "./types"

/**
 * Pays back (part of) what remains of a deposit on `date` by check, bank
 * transfer or cash: Dr Customer Advances / Cr the method's account. Never
 * more than remains (REFUND_EXCEEDS_DEPOSIT, under the deposit's row lock);
 * card and store credit are refused (DEPOSIT_METHOD_NOT_SUPPORTED).
 */
export async function refundCustomerDeposit(
  knex: Knex,
  depositId: string,
  input: DepositRefundInput,
  actor: Actor
): Promise<string> {
  assertDepositMethod(input.method, "refund")
  const deposit = await lockDeposit(knex, depositId)
  const amount = assertAtPrecision(input.amount, deposit.currency_code, "amount")
  assertWithinDeposit({ amount, deposit, deposit_name: `deposit ${deposit.number}`, use: "refund" })
  if (input.date < deposit.deposit_date) {
    throw new AccountingError(
      "DATE_BEFORE_ORIGINAL",
      `The refund date ${input.date} is before ${deposit.deposit_date}, the date of deposit ${deposit.number}`
    )
  }
  await assertDateAllowed(knex, input.date)
  await assertPeriodOpen(knex, input.date)
  const accountId = await receivingAccount(knex, input.method)
  const map = await loadAccountMap(knex)
  const id = generateEntityId(undefined, "cdref")
  const ref = { customer_id: deposit.customer_id, order_id: null }
  const { entry } = await postEntry(knex, {
    entry_date: input.date,
    currency_code: deposit.currency_code,
    memo: `Refund of deposit ${deposit.number} (${input.method})${input.reference ? ` ref ${input.reference}` : ""}`,
    source_type: "customer_deposit_refund",
    source_id: id,
    source_kind: "posted",
    origin: actor.origin,
    actor_id: actor.actor_id,
    lines: [
      { account_id: roleAccount(map, "customer_advances"), debit: amount, credit: 0, description: "Customer deposit refunded", ...ref },
      { account_id: accountId, debit: 0, credit: amount, description: `Deposit paid back (${input.method})`, ...ref },
    ],
  })
  await knex("accounting_customer_deposit_refund").insert({
    id,
    deposit_id: deposit.id,
    ...moneyColumns("amount", amount),
    refund_date: input.date,
    method: input.method,
    account_id: accountId,
    reference: input.reference ?? null,
    journal_entry_id: entry.id,
    created_by: actor.actor_id ?? null,
  })
  const refunded = deposit.refunded_amount.plus(amount)
  const status = depositStatus({ ...deposit, refunded_amount: refunded })
  await knex("accounting_customer_deposit")
    .where({ id: deposit.id })
    .update({ ...moneyColumns("refunded_amount", refunded), status, updated_at: knex.fn.now() })
  await recordAudit(knex, {
    entity_type: "customer_deposit",
    entity_id: deposit.id,
    action: "refund",
    from_status: deposit.status,
    to_status: status,
    data: { refund_id: id, amount: amount.toString(), method: input.method, date: input.date, journal_entry_id: entry.id },
    ...actor,
  })
  return id
}
