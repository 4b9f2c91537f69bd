import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { AccountingError } from "../../errors"
import { Actor, recordAudit } from "../../ledger/audit"
import { lockMemo } from "./lock"

/**
 * Records the number of the legal credit note an invoicing plugin issued for
 * this memo, after the memo was issued (the plugin needs it issued first).
 * Once only: the same number again is a no-op, another one LEGAL_NUMBER_SET.
 * Nothing else of the memo changes (the database guard allows only this).
 */
export async function recordLegalNumber(knex: Knex, id: string, legalNumber: string, actor: Actor) {
  const memo = await lockMemo(knex, id)
  if (memo.status === "draft") {
    throw new AccountingError("NOT_ISSUED", `Credit memo ${id} is a draft; set legal_number on the draft instead`)
  }
  if (memo.legal_number === legalNumber) {
    return
  }
  if (memo.legal_number) {
    throw new AccountingError(
      "LEGAL_NUMBER_SET",
      `Credit memo ${memo.number} already carries legal credit note ${memo.legal_number}`
    )
  }
  await knex("accounting_credit_memo").where({ id }).update({ legal_number: legalNumber, updated_at: knex.fn.now() })
  await recordAudit(knex, {
    entity_type: "credit_memo",
    entity_id: id,
    action: "record_legal_number",
    before: { legal_number: null },
    after: { legal_number: legalNumber },
    ...actor,
  })
}
