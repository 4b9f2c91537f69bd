import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { AccountingError } from "../../errors"
import { Actor, recordAudit } from "../../ledger/audit"
import { reverseEntry } from "../../ledger/posting"
import { readMoney } from "../../rules/money"
import { lockDocuments, unapply, voidArDocument } from "../documents"
import { lockRefund } from "./drafts"
import { MONEY_MOVING_METHODS } from "./types"

/**
 * Voids a posted refund on `date` (on or after the refund date, open period):
 * the Reversed/Reversal pair, and the credits it consumed become available
 * again. Money that already left through Medusa or the loyalty plugin cannot
 * be unsent: such a void needs `record_only`, and the audit trail says so.
 */
export async function voidCustomerRefund(
  knex: Knex,
  id: string,
  input: { date: string; record_only?: boolean },
  actor: Actor
) {
  const refund = await lockRefund(knex, id)
  if (refund.status === "voided") {
    throw new AccountingError("ALREADY_VOIDED", `Refund ${refund.number} is already voided`)
  }
  if (refund.status !== "posted") {
    throw new AccountingError(
      "NOT_POSTED",
      `Refund ${refund.number ?? id} is ${refund.status}; only posted refunds can be voided`
    )
  }
  const movedMoney = MONEY_MOVING_METHODS.includes(refund.method) || !!refund.store_credit_transaction_id
  if (movedMoney && !input.record_only) {
    throw new AccountingError(
      "RECORD_ONLY_REQUIRED",
      `Refund ${refund.number} already moved money (${refund.method}); voiding it only corrects the books: send record_only: true`
    )
  }
  if (input.date < refund.refund_date) {
    throw new AccountingError(
      "DATE_BEFORE_ORIGINAL",
      `The void date ${input.date} is before the refund date ${refund.refund_date}`
    )
  }
  const { reversal } = await reverseEntry(knex, refund.journal_entry_id, {
    date: input.date,
    memo: `Void of refund ${refund.number}${input.record_only ? " (record only)" : ""}`,
    actor_id: actor.actor_id,
    origin: actor.origin,
    source_type: "customer_refund",
    source_id: id,
    source_kind: "voided",
  })
  const refundDoc = await knex("accounting_ar_document")
    .where({ doc_type: "customer_refund", source_id: id })
    .first()
  if (refundDoc) {
    const apps = await knex("accounting_ar_application")
      .where({ customer_refund_id: id })
      .whereNull("unapplied_date")
    const docs = await lockDocuments(knex, (q) =>
      q.whereIn("id", [refundDoc.id, ...apps.map((a: any) => a.credit_document_id)])
    )
    const byId = new Map(docs.map((d) => [d.id, d]))
    for (const app of apps) {
      await unapply(knex, {
        application: { ...app, amount: readMoney(app, "amount") },
        docs: byId,
        date: input.date,
        actor_id: actor.actor_id,
      })
    }
    await voidArDocument(knex, refundDoc.id, input.date, reversal.id)
  }
  await knex("accounting_customer_refund")
    .where({ id })
    .update({
      status: "voided",
      void_date: input.date,
      void_journal_entry_id: reversal.id,
      void_record_only: !!input.record_only,
      voided_by: actor.actor_id ?? null,
      voided_at: knex.fn.now(),
      updated_at: knex.fn.now(),
    })
  await recordAudit(knex, {
    entity_type: "customer_refund",
    entity_id: id,
    action: "void",
    from_status: "posted",
    to_status: "voided",
    data: { date: input.date, record_only: !!input.record_only, journal_entry_id: reversal.id },
    ...actor,
  })
}
