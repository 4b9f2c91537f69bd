import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { AccountingError } from "../../errors"
import { Actor, recordAudit } from "../../ledger/audit"
import { assertDateAllowed } from "../../ledger/clock"
import { assertPeriodOpen } from "../../ledger/periods"
import { postEntry } from "../../ledger/posting"
import { loadAccountMap, roleAccount } from "../../ledger/settings"
import { assertApplicationWithinOpen } from "../../rules/application-limit"
import { assertWithinDeposit, depositStatus } from "../../rules/deposit-remaining"
import { assertAtPrecision, moneyColumns, sumMoney } from "../../rules/money"
import { applyCreditToOrder } from "../applications"
import { insertArDocument, lockDocuments, openOf } from "../documents"
import { lockDeposit } from "./lock"
import type { DepositApplicationInput } from "./types"

/**
 * Applies part of a deposit to an order of the same customer and currency on
 * `date`: Dr Customer Advances / Cr AR, and an AR credit document settling
 * the order, so its open amount and the aging drop as with a payment.
 * The deposit row is locked first, so concurrent applications queue and the
 * second sees what the first took. Refusals: DEPOSIT_CURRENCY_MISMATCH,
 * CUSTOMER_MISMATCH, APPLICATION_EXCEEDS_OPEN (order),
 * APPLICATION_EXCEEDS_DEPOSIT, DATE_BEFORE_ORIGINAL, ALREADY_VOIDED.
 */
export async function applyCustomerDeposit(
  knex: Knex,
  depositId: string,
  input: DepositApplicationInput,
  actor: Actor
): Promise<string> {
  const deposit = await lockDeposit(knex, depositId)
  const amount = assertAtPrecision(input.amount, deposit.currency_code, "amount")
  const docs = await lockDocuments(knex, (q) =>
    q.where({ order_id: input.order_id, sign: 1 }).whereNull("void_date")
  )
  if (!docs.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${input.order_id} has nothing in accounts receivable`)
  }
  const orderName = `order ${docs.find((d) => d.doc_type === "order")?.number ?? input.order_id}`
  if (docs[0].customer_id !== deposit.customer_id) {
    throw new AccountingError("CUSTOMER_MISMATCH", `The ${orderName} belongs to another customer than deposit ${deposit.number}`)
  }
  if (docs[0].currency_code !== deposit.currency_code) {
    throw new AccountingError(
      "DEPOSIT_CURRENCY_MISMATCH",
      `The ${orderName} is in ${docs[0].currency_code.toUpperCase()}, deposit ${deposit.number} in ${deposit.currency_code.toUpperCase()}`
    )
  }
  assertApplicationWithinOpen({
    amount,
    credit_available: amount,
    debit_open: sumMoney(docs.map(openOf)),
    credit_name: `deposit ${deposit.number}`,
    debit_name: orderName,
  })
  assertWithinDeposit({ amount, deposit, deposit_name: `deposit ${deposit.number}`, use: "application" })
  if (input.date < deposit.deposit_date) {
    throw new AccountingError(
      "DATE_BEFORE_ORIGINAL",
      `The application date ${input.date} is before ${deposit.deposit_date}, the date of deposit ${deposit.number}`
    )
  }
  await assertDateAllowed(knex, input.date)
  await assertPeriodOpen(knex, input.date)

  const id = generateEntityId(undefined, "cdapp")
  const map = await loadAccountMap(knex)
  const ref = { customer_id: deposit.customer_id, order_id: input.order_id }
  const { entry } = await postEntry(knex, {
    entry_date: input.date,
    currency_code: deposit.currency_code,
    memo: `Deposit ${deposit.number} applied to ${orderName}`,
    source_type: "customer_deposit_application",
    source_id: id,
    source_kind: "posted",
    origin: actor.origin,
    actor_id: actor.actor_id,
    lines: [
      { account_id: roleAccount(map, "customer_advances"), debit: amount, credit: 0, description: "Customer deposit applied", ...ref },
      { account_id: roleAccount(map, "ar"), debit: 0, credit: amount, description: "Receivable", ...ref },
    ],
  })
  const doc = await insertArDocument(knex, {
    doc_type: "deposit_application",
    sign: -1,
    number: deposit.number,
    customer_id: deposit.customer_id,
    currency_code: deposit.currency_code,
    document_date: input.date,
    due_date: input.date,
    amount,
    source_id: id,
    order_id: input.order_id,
    journal_entry_id: entry.id,
  })
  // Checks the order side again under its own locks (dates, reservations) and settles it.
  await applyCreditToOrder(
    knex,
    { credit_document_id: doc.id, order_id: input.order_id, amount, date: input.date, credit_name: `deposit ${deposit.number}` },
    actor
  )
  await knex("accounting_customer_deposit_application").insert({
    id,
    deposit_id: deposit.id,
    order_id: input.order_id,
    ...moneyColumns("amount", amount),
    application_date: input.date,
    ar_document_id: doc.id,
    journal_entry_id: entry.id,
    created_by: actor.actor_id ?? null,
  })
  const applied = deposit.applied_amount.plus(amount)
  const status = depositStatus({ ...deposit, applied_amount: applied })
  await knex("accounting_customer_deposit")
    .where({ id: deposit.id })
    .update({ ...moneyColumns("applied_amount", applied), status, updated_at: knex.fn.now() })
  await recordAudit(knex, {
    entity_type: "customer_deposit",
    entity_id: deposit.id,
    action: "apply",
    from_status: deposit.status,
    to_status: status,
    data: { application_id: id, order_id: input.order_id, amount: amount.toString(), date: input.date, journal_entry_id: entry.id },
    ...actor,
  })
  return id
}
