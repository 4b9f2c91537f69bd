import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { Actor, recordAudit } from "../../ledger/audit"
import { assertDateAllowed } from "../../ledger/clock"
import { assertPeriodOpen } from "../../ledger/periods"
import { postEntry } from "../../ledger/posting"
import { nextDocumentNumber } from "../../ledger/sequences"
import { loadAccountMap, roleAccount } from "../../ledger/settings"
import { assertDepositMethod } from "../../rules/deposit-remaining"
import { assertAtPrecision, moneyColumns } from "../../rules/money"
import { receivingAccount } from "../received-payments/accounts"
import type { CustomerDepositInput } from "./types"

/**
 * Records and posts a deposit taken before an order (DEP- number) on its
 * date: Dr the method's account / Cr Customer Advances. Nothing moves in AR
 * until it is applied to an order.
 */
export async function recordCustomerDeposit(knex: Knex, input: CustomerDepositInput, actor: Actor): Promise<string> {
  const currency = input.currency_code.toLowerCase()
  const amount = assertAtPrecision(input.amount, currency, "amount")
  if (!amount.gt(0)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "amount must be greater than 0")
  }
  assertDepositMethod(input.method, "record")
  await assertDateAllowed(knex, input.deposit_date)
  await assertPeriodOpen(knex, input.deposit_date)
  const accountId = await receivingAccount(knex, input.method)
  const map = await loadAccountMap(knex)
  const id = generateEntityId(undefined, "cdep")
  const number = await nextDocumentNumber(knex, "customer_deposit")
  const ref = { customer_id: input.customer_id, order_id: null }
  const { entry } = await postEntry(knex, {
    entry_date: input.deposit_date,
    currency_code: currency,
    memo: `Deposit ${number} (${input.method})${input.reference ? ` ref ${input.reference}` : ""}`,
    source_type: "customer_deposit",
    source_id: id,
    source_kind: "posted",
    origin: actor.origin,
    actor_id: actor.actor_id,
    lines: [
      { account_id: accountId, debit: amount, credit: 0, description: `Deposit received (${input.method})`, ...ref },
      {
        account_id: roleAccount(map, "customer_advances"),
        debit: 0,
        credit: amount,
        description: "Customer deposit held",
        ...ref,
      },
    ],
  })
  await knex("accounting_customer_deposit").insert({
    id,
    number,
    status: "posted",
    customer_id: input.customer_id,
    currency_code: currency,
    deposit_date: input.deposit_date,
    method: input.method,
    deposit_account_id: accountId,
    reference: input.reference ?? null,
    memo: input.memo ?? null,
    ...moneyColumns("amount", amount),
    ...moneyColumns("applied_amount", 0),
    ...moneyColumns("refunded_amount", 0),
    journal_entry_id: entry.id,
    created_by: actor.actor_id ?? null,
    origin: actor.origin ?? "api",
    metadata: input.metadata ? JSON.stringify(input.metadata) : null,
  })
  await recordAudit(knex, {
    entity_type: "customer_deposit",
    entity_id: id,
    action: "post",
    to_status: "posted",
    data: { number, amount: amount.toString(), method: input.method, journal_entry_id: entry.id },
    ...actor,
  })
  return id
}
