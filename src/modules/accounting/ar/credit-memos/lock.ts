import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import { AccountingError } from "../../errors"
import { ArDocRow } from "../documents"

/** Locks a memo row for the rest of the transaction (404 when absent). */
export async function lockMemo(knex: Knex, id: string) {
  const memo = await knex("accounting_credit_memo").where({ id }).whereNull("deleted_at").forUpdate().first()
  if (!memo) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Credit memo ${id} was not found`)
  }
  return memo
}

/** The AR credit document an issued memo created. */
export async function memoDocument(knex: Knex, memoId: string): Promise<ArDocRow> {
  const doc = await knex("accounting_ar_document")
    .where({ doc_type: "credit_memo", source_id: memoId })
    .first()
  if (!doc) {
    throw new AccountingError("NOT_ISSUED", `Credit memo ${memoId} is not issued`)
  }
  return doc
}
