import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"

export const SEQUENCE_TYPES = [
  "journal_entry",
  "credit_memo",
  "customer_refund",
  "received_payment",
  "write_off",
  "payout",
  "bank_deposit",
  "customer_deposit",
] as const
export type SequenceType = (typeof SEQUENCE_TYPES)[number]

/** Internal counter ordering the hash chain (not user-editable). */
export const CHAIN_SEQUENCE = "__chain"

/**
 * Takes the next value of a sequence. The UPDATE locks the row until the
 * surrounding transaction ends: concurrent posters queue here, numbers are
 * unique, and a rolled-back posting hands its number back (no gaps).
 */
export async function nextSequenceValue(
  knex: Knex,
  type: SequenceType | typeof CHAIN_SEQUENCE
): Promise<{ value: number; prefix: string; padding: number }> {
  const { rows } = await knex.raw(
    `update accounting_document_sequence
        set next_value = next_value + 1, updated_at = now()
      where type = ? and deleted_at is null
      returning prefix, padding, next_value - 1 as value`,
    [type]
  )
  if (!rows.length) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `Document sequence ${type} is missing; run the accounting migrations`
    )
  }
  return { value: Number(rows[0].value), prefix: rows[0].prefix, padding: Number(rows[0].padding) }
}

export function formatNumber(prefix: string, padding: number, value: number): string {
  return `${prefix}${String(value).padStart(padding, "0")}`
}

export async function nextDocumentNumber(knex: Knex, type: SequenceType): Promise<string> {
  const { value, prefix, padding } = await nextSequenceValue(knex, type)
  return formatNumber(prefix, padding, value)
}
