import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import { AccountingError } from "../../errors"
import { Actor, recordAudit } from "../../ledger/audit"
import { assertPeriodOpen } from "../../ledger/periods"
import { reverseEntry } from "../../ledger/posting"
import { unapplyAll } from "../applications"
import { latestApplicationDate, lockDocuments, voidArDocument } from "../documents"

export async function lockWriteOff(knex: Knex, id: string) {
  const row = await knex("accounting_write_off").where({ id }).whereNull("deleted_at").forUpdate().first()
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Write-off ${id} was not found`)
  }
  return row
}

/**
 * Voids a write-off on `date` (on or after it and its application): the
 * order owes the amount again and the entry is mirrored (Dr AR / Cr Bad Debt).
 */
export async function voidWriteOff(
  knex: Knex,
  id: string,
  input: { date: string; reason?: string | null },
  actor: Actor
) {
  const writeOff = await lockWriteOff(knex, id)
  if (writeOff.status === "draft") {
    throw new AccountingError("NOT_POSTED", `Write-off ${writeOff.id} is a draft; delete it instead`)
  }
  if (writeOff.status !== "posted") {
    throw new AccountingError("ALREADY_VOIDED", `Write-off ${writeOff.number} is already voided`)
  }
  const [doc] = await lockDocuments(knex, (q) => q.where({ doc_type: "write_off", source_id: id }))
  const latest = (await latestApplicationDate(knex, doc.id)) ?? writeOff.write_off_date
  if (input.date < latest || input.date < writeOff.write_off_date) {
    throw new AccountingError(
      "DATE_BEFORE_ORIGINAL",
      `The void date ${input.date} is before ${latest}, the date of write-off ${writeOff.number} or its application`
    )
  }
  await assertPeriodOpen(knex, input.date)
  const apps = await knex("accounting_ar_application")
    .where({ credit_document_id: doc.id })
    .whereNull("unapplied_date")
    .whereNull("deleted_at")
  await unapplyAll(knex, apps, input.date, actor)
  const { reversal } = await reverseEntry(knex, writeOff.journal_entry_id, {
    date: input.date,
    memo: `Void of write-off ${writeOff.number}${input.reason ? `: ${input.reason}` : ""}`,
    actor_id: actor.actor_id,
    origin: actor.origin,
    source_type: "write_off",
    source_id: id,
    source_kind: "voided",
  })
  await voidArDocument(knex, doc.id, input.date, reversal.id)
  await knex("accounting_write_off").where({ id }).update({
    status: "voided",
    void_date: input.date,
    void_reason: input.reason ?? null,
    void_journal_entry_id: reversal.id,
    voided_by: actor.actor_id ?? null,
    voided_at: knex.fn.now(),
    updated_at: knex.fn.now(),
  })
  await recordAudit(knex, {
    entity_type: "write_off",
    entity_id: id,
    action: "void",
    from_status: "posted",
    to_status: "voided",
    data: { date: input.date, reason: input.reason ?? null, journal_entry_id: reversal.id },
    ...actor,
  })
}
