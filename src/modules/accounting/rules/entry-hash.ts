import { createHash } from "crypto"
import { toDecimal, MoneyLike } from "./money"

export type HashableEntry = {
  id: string
  number: string | null
  entry_date: string
  currency_code: string
  memo?: string | null
  source_type?: string | null
  source_id?: string | null
  source_kind?: string | null
  reversal_of_id?: string | null
  posted_by?: string | null
  chain_seq: number
  prev_hash: string | null
  original_date?: string | null
}

export type HashableLine = {
  line_no: number
  account_id: string
  debit: MoneyLike
  credit: MoneyLike
  customer_id?: string | null
  order_id?: string | null
  description?: string | null
}

/**
 * The hash of a posted entry covers everything that may never change (not the
 * status, which goes posted -> reversed) and the previous entry's hash, so a
 * direct edit of any row or amount breaks the chain from that entry on.
 */
export function entryHash(entry: HashableEntry, lines: HashableLine[]): string {
  const canonical = JSON.stringify([
    entry.id,
    entry.number,
    entry.entry_date,
    entry.currency_code.toLowerCase(),
    entry.memo ?? null,
    entry.source_type ?? null,
    entry.source_id ?? null,
    entry.source_kind ?? null,
    entry.reversal_of_id ?? null,
    entry.posted_by ?? null,
    entry.chain_seq,
    entry.prev_hash,
    [...lines]
      .sort((a, b) => a.line_no - b.line_no)
      .map((l) => [
        l.line_no,
        l.account_id,
        toDecimal(l.debit).toString(),
        toDecimal(l.credit).toString(),
        l.customer_id ?? null,
        l.order_id ?? null,
        l.description ?? null,
      ]),
    // Only late items carry it: the hash of every other entry stays what it was.
    ...(entry.original_date ? [entry.original_date] : []),
  ])
  return createHash("sha256").update(canonical).digest("hex")
}
