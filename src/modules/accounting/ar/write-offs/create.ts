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
import { approvalRequired } from "../../rules/approval"
import { assertAtPrecision, MoneyLike, moneyColumns, readMoney, sumMoney } from "../../rules/money"
import { applyCreditToOrder } from "../applications"
import { assertApproved, loadApprovalThresholds } from "../approvals"
import { insertArDocument, lockDocuments, openOf } from "../documents"
import type { WriteOffInput } from "./types"

/**
 * Locks the order's receivable and checks that `amount` (omitted: all of it)
 * can be written off: never more than the order owes
 * (WRITE_OFF_EXCEEDS_BALANCE), never an order that owes nothing
 * (NOTHING_TO_WRITE_OFF).
 */
async function lockWritableBalance(knex: Knex, order_id: string, amount?: MoneyLike | null) {
  const docs = await lockDocuments(knex, (q) => q.where({ order_id, sign: 1 }).whereNull("void_date"))
  if (!docs.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${order_id} has nothing in accounts receivable`)
  }
  const { customer_id, currency_code } = docs[0]
  const open = sumMoney(docs.map(openOf))
  const orderName: string = docs.find((d) => d.doc_type === "order")?.number ?? order_id
  if (!open.gt(0)) {
    throw new AccountingError("NOTHING_TO_WRITE_OFF", `Order ${orderName} owes nothing`)
  }
  const value = amount == null ? open : assertAtPrecision(amount, currency_code, "amount")
  if (!value.gt(0)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "amount must be greater than 0")
  }
  if (value.gt(open)) {
    throw new AccountingError(
      "WRITE_OFF_EXCEEDS_BALANCE",
      `Order ${orderName} owes ${open.toString()}; a write-off of ${value.toString()} is more`
    )
  }
  return { customer_id: customer_id as string, currency_code: currency_code as string, orderName, amount: value }
}

/**
 * Writes off what an order still owes, or part of it: Dr Bad Debt / Cr AR
 * (WO- number) and a credit document applied to the order at once. Above the
 * write-off approval threshold it is kept as a draft awaiting a second user
 * instead (nothing posted, no number).
 */
export async function createWriteOff(
  knex: Knex,
  input: WriteOffInput & { batch_id?: string | null },
  actor: Actor
): Promise<string> {
  await assertDateAllowed(knex, input.date)
  const reasonCode = await checkReasonCode(knex, "write_off", input.reason_code)
  await assertPeriodOpen(knex, input.date)
  const { customer_id, currency_code, amount } = await lockWritableBalance(knex, input.order_id, input.amount)
  const id = generateEntityId(undefined, "wroff")
  const draft = approvalRequired(await loadApprovalThresholds(knex), "write_off", currency_code, amount)
  await knex("accounting_write_off").insert({
    id,
    number: null,
    status: "draft",
    approval_status: draft ? "pending" : "not_required",
    customer_id,
    order_id: input.order_id,
    currency_code,
    write_off_date: input.date,
    ...moneyColumns("amount", amount),
    reason_code: reasonCode,
    memo: input.memo ?? null,
    batch_id: input.batch_id ?? null,
    journal_entry_id: null,
    created_by: actor.actor_id ?? null,
    origin: actor.origin ?? "api",
    metadata: input.metadata ? JSON.stringify(input.metadata) : null,
  })
  if (draft) {
    await recordAudit(knex, {
      entity_type: "write_off",
      entity_id: id,
      action: "create",
      to_status: "draft",
      data: { order_id: input.order_id, amount: amount.toString(), reason_code: reasonCode, approval: "pending" },
      ...actor,
    })
    return id
  }
  await postDraft(knex, id, actor)
  return id
}

/** Posts a draft write-off that a second user approved (APPROVAL_REQUIRED until then). */
export async function postWriteOff(knex: Knex, id: string, actor: Actor): Promise<void> {
  const row = await knex("accounting_write_off").where({ id }).forUpdate().first()
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Write-off ${id} was not found`)
  }
  if (row.status !== "draft") {
    throw new AccountingError("ALREADY_POSTED", `Write-off ${row.number} is already ${row.status}`)
  }
  await assertApproved(knex, "write_off", row)
  // The reason rules may have changed since the draft was made.
  await checkReasonCode(knex, "write_off", row.reason_code)
  await assertDateAllowed(knex, row.write_off_date)
  await assertPeriodOpen(knex, row.write_off_date)
  await postDraft(knex, id, actor)
}

/** Deletes a draft write-off (awaiting approval or rejected); a posted one is voided instead. */
export async function deleteWriteOffDraft(knex: Knex, id: string, actor: Actor): Promise<void> {
  const row = await knex("accounting_write_off").where({ id }).forUpdate().first()
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Write-off ${id} was not found`)
  }
  if (row.status !== "draft") {
    throw new AccountingError("ALREADY_POSTED", `Write-off ${row.number} is ${row.status}; void it instead`)
  }
  await knex("accounting_write_off").where({ id }).delete()
  await recordAudit(knex, {
    entity_type: "write_off",
    entity_id: id,
    action: "delete",
    from_status: "draft",
    before: { order_id: row.order_id, amount: readMoney(row, "amount").toString(), approval_status: row.approval_status },
    ...actor,
  })
}

/**
 * Posts a draft: the order's balance is checked again (it may have been paid
 * since the draft), then the entry, the AR credit and its application. The
 * database refuses it while approval is pending or rejected.
 */
async function postDraft(knex: Knex, id: string, actor: Actor): Promise<void> {
  const row = await knex("accounting_write_off").where({ id }).first()
  const amount = readMoney(row, "amount")
  const { customer_id, orderName } = await lockWritableBalance(knex, row.order_id, amount)
  const number = await nextDocumentNumber(knex, "write_off")
  const map = await loadAccountMap(knex)
  const ref = { customer_id, order_id: row.order_id }
  const { entry } = await postEntry(knex, {
    entry_date: row.write_off_date,
    currency_code: row.currency_code,
    memo: `Write-off ${number} of order ${orderName}${row.reason_code ? ` (${row.reason_code})` : ""}`,
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
  await knex("accounting_write_off")
    .where({ id })
    .update({ status: "posted", number, journal_entry_id: entry.id, updated_at: knex.fn.now() })
  const doc = await insertArDocument(knex, {
    doc_type: "write_off",
    sign: -1,
    number,
    customer_id,
    currency_code: row.currency_code,
    document_date: row.write_off_date,
    due_date: row.write_off_date,
    amount,
    source_id: id,
    order_id: row.order_id,
    journal_entry_id: entry.id,
  })
  const applicationId = await applyCreditToOrder(
    knex,
    { credit_document_id: doc.id, order_id: row.order_id, amount, date: row.write_off_date, credit_name: `write-off ${number}` },
    actor
  )
  await recordAudit(knex, {
    entity_type: "write_off",
    entity_id: id,
    action: "post",
    from_status: row.approval_status === "not_required" ? null : "draft",
    to_status: "posted",
    data: {
      number,
      order_id: row.order_id,
      amount: amount.toString(),
      reason_code: row.reason_code,
      journal_entry_id: entry.id,
      application_id: applicationId,
      batch_id: row.batch_id ?? null,
    },
    ...actor,
  })
}
