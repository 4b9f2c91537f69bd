import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { AccountingError } from "../../errors"
import { Actor, recordAudit } from "../../ledger/audit"
import { assertDateAllowed } from "../../ledger/clock"
import { checkReasonCode } from "../../ledger/reason-codes"
import { assertPeriodOpen } from "../../ledger/periods"
import { postEntry } from "../../ledger/posting"
import { nextDocumentNumber } from "../../ledger/sequences"
import { loadAccountMap, roleAccount } from "../../ledger/settings"
import { assertAtPrecision, moneyColumns, sumMoney } from "../../rules/money"
import { applyCreditToOrder } from "../applications"
import { insertArDocument, lockDocuments, openOf } from "../documents"
import type { WriteOffInput } from "./types"

/**
 * Writes off what an order still owes, or part of it (WO- number): Dr Bad
 * Debt / Cr AR, and a credit document applied to the order at once. Never
 * more than the order's open balance (WRITE_OFF_EXCEEDS_BALANCE), never an
 * order that owes nothing (NOTHING_TO_WRITE_OFF).
 */
export async function createWriteOff(
  knex: Knex,
  input: WriteOffInput & { batch_id?: string | null },
  actor: Actor
): Promise<string> {
  await assertDateAllowed(knex, input.date)
  const reasonCode = await checkReasonCode(knex, "write_off", input.reason_code)
  await assertPeriodOpen(knex, input.date)
  const docs = await lockDocuments(knex, (q) =>
    q.where({ order_id: input.order_id, sign: 1 }).whereNull("void_date")
  )
  if (!docs.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${input.order_id} has nothing in accounts receivable`)
  }
  const { customer_id, currency_code } = docs[0]
  const open = sumMoney(docs.map(openOf))
  const orderName = docs.find((d) => d.doc_type === "order")?.number ?? input.order_id
  if (!open.gt(0)) {
    throw new AccountingError("NOTHING_TO_WRITE_OFF", `Order ${orderName} owes nothing`)
  }
  const amount = input.amount == null ? open : assertAtPrecision(input.amount, currency_code, "amount")
  if (!amount.gt(0)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "amount must be greater than 0")
  }
  if (amount.gt(open)) {
    throw new AccountingError(
      "WRITE_OFF_EXCEEDS_BALANCE",
      `Order ${orderName} owes ${open.toString()}; a write-off of ${amount.toString()} is more`
    )
  }
  const id = generateEntityId(undefined, "wroff")
  const number = await nextDocumentNumber(knex, "write_off")
  const map = await loadAccountMap(knex)
  const ref = { customer_id, order_id: input.order_id }
  const { entry } = await postEntry(knex, {
    entry_date: input.date,
    currency_code,
    memo: `Write-off ${number} of order ${orderName} ${reasonCode ? ` (${reasonCode})` : ""}`,
    source_type: "write_off",
    source_id: id,
    source_kind: "posted",
    origin: actor.origin,
    actor_id: actor.actor_id,
    lines: [
      { account_id: roleAccount(map, "bad_debt"), debit: amount, credit: 0, description: "Bad debt", ...ref },
      { account_id: roleAccount(map, "ar"), debit: 0, credit: amount, description: "Receivable", ...ref },
    ],
  })
  await knex("accounting_write_off").insert({
    id,
    number,
    status: "posted",
    customer_id,
    order_id: input.order_id,
    currency_code,
    write_off_date: input.date,
    ...moneyColumns("amount", amount),
    reason_code: reasonCode,
    memo: input.memo ?? null,
    batch_id: input.batch_id ?? null,
    journal_entry_id: entry.id,
    created_by: actor.actor_id ?? null,
    origin: actor.origin ?? "api",
    metadata: input.metadata ? JSON.stringify(input.metadata) : null,
  })
  const doc = await insertArDocument(knex, {
    doc_type: "write_off",
    sign: -1,
    number,
    customer_id,
    currency_code,
    document_date: input.date,
    due_date: input.date,
    amount,
    source_id: id,
    order_id: input.order_id,
    journal_entry_id: entry.id,
  })
  const applicationId = await applyCreditToOrder(
    knex,
    { credit_document_id: doc.id, order_id: input.order_id, amount, date: input.date, credit_name: `write-off ${number}` },
    actor
  )
  await recordAudit(knex, {
    entity_type: "write_off",
    entity_id: id,
    action: "post",
    to_status: "posted",
    data: {
      number,
      order_id: input.order_id,
      amount: amount.toString(),
      reason_code: reasonCode,
      journal_entry_id: entry.id,
      application_id: applicationId,
      batch_id: input.batch_id ?? null,
    },
    ...actor,
  })
  return id
}
