import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { AccountingError } from "../../errors"
import { Actor, recordAudit } from "../../ledger/audit"
import { reverseEntry } from "../../ledger/posting"
import { RESERVING_STATUSES } from "../../models/customer-refund"
import { latestApplicationDate, lockDocuments, standingApplications, voidArDocument } from "../documents"
import { lockMemo } from "./lock"

/**
 * Voids an issued memo with the mirror entry on `date`, only while nothing
 * applied or refunded from it still stands.
 */
export async function voidCreditMemo(knex: Knex, id: string, date: string, actor: Actor) {
  const memo = await lockMemo(knex, id)
  if (memo.status === "voided") {
    throw new AccountingError("ALREADY_VOIDED", `Credit memo ${memo.number} is already voided`)
  }
  if (memo.status !== "issued") {
    throw new AccountingError("NOT_ISSUED", `Credit memo ${id} is a draft; edit or discard it instead`)
  }
  if (memo.return_id && memo.origin === "return") {
    // Its credit is the order's: the return stands in Medusa whatever the memo says.
    throw new AccountingError(
      "MEMO_FROM_RETURN",
      `Credit memo ${memo.number} documents Medusa return ${memo.return_id} and cannot be voided; issue a separate entry or memo to correct it`
    )
  }
  if (date < memo.memo_date) {
    throw new AccountingError(
      "DATE_BEFORE_ORIGINAL",
      `The void date ${date} is before the memo date ${memo.memo_date}`
    )
  }
  const [doc] = await lockDocuments(knex, (q) => q.where({ doc_type: "credit_memo", source_id: id }))
  const standing = await standingApplications(knex, [doc.id])
  const reserved = await knex("accounting_customer_refund_line as l")
    .join("accounting_customer_refund as r", "r.id", "l.refund_id")
    .where({ "l.ar_document_id": doc.id })
    .whereIn("r.status", [...RESERVING_STATUSES])
    .first()
  if (standing.length || reserved) {
    throw new AccountingError(
      "CREDIT_NOT_AVAILABLE",
      `Credit memo ${memo.number} is applied or refunded (${standing.length} standing); unapply or void those first`
    )
  }
  const latest = await latestApplicationDate(knex, doc.id)
  if (latest && date < latest) {
    throw new AccountingError(
      "DATE_BEFORE_ORIGINAL",
      `The void date ${date} is before ${latest}, when an application of credit memo ${memo.number} was made or ended`
    )
  }
  const { reversal } = await reverseEntry(knex, memo.journal_entry_id, {
    date,
    memo: `Void of credit memo ${memo.number}`,
    actor_id: actor.actor_id,
    origin: actor.origin,
    source_type: "credit_memo",
    source_id: id,
    source_kind: "voided",
  })
  await voidArDocument(knex, doc.id, date, reversal.id)
  await knex("accounting_credit_memo")
    .where({ id })
    .update({
      status: "voided",
      void_date: date,
      void_journal_entry_id: reversal.id,
      voided_by: actor.actor_id ?? null,
      voided_at: knex.fn.now(),
      updated_at: knex.fn.now(),
    })
  await recordAudit(knex, {
    entity_type: "credit_memo",
    entity_id: id,
    action: "void",
    from_status: "issued",
    to_status: "voided",
    data: { date, journal_entry_id: reversal.id },
    ...actor,
  })
}
