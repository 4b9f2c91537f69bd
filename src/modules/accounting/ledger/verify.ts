import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { entryHash } from "../rules/entry-hash"
import { toDecimal } from "../rules/money"
import { CHAIN_SEQUENCE } from "./sequences"

export type VerifyResult = {
  valid: boolean
  checked: number
  first_broken_id?: string
  first_broken_number?: string | null
  reason?: string
}

const BATCH = 500

/**
 * Walks the hash chain in posting order, batch by batch (bounded memory), and
 * reports the first entry whose rows no longer produce its hash, whose link to
 * the previous entry is broken, or whose stored amounts disagree with their
 * exact twins.
 */
export async function verifyChain(knex: Knex): Promise<VerifyResult> {
  let prevHash: string | null = null
  let expectedSeq = 1
  let checked = 0

  const broken = (entry: { id: string; number?: string | null }, reason: string): VerifyResult => ({
    valid: false,
    checked,
    first_broken_id: entry.id,
    first_broken_number: entry.number ?? null,
    reason,
  })

  const unsealed = await knex("accounting_journal_entry")
    .select("id", "number")
    .whereIn("status", ["posted", "reversed"])
    .andWhere((q) => q.whereNull("chain_seq").orWhereNull("hash"))
    .first()
  if (unsealed) {
    return broken(unsealed, "posted entry without a place in the chain")
  }

  for (;;) {
    const entries = await knex("accounting_journal_entry")
      .where("chain_seq", ">=", expectedSeq)
      .whereNull("deleted_at") // the partial unique index's predicate: each batch an index range, not a sort
      .orderBy("chain_seq")
      .limit(BATCH)
    if (!entries.length) {
      break
    }
    const lines = await knex("accounting_journal_line")
      .whereIn(
        "entry_id",
        entries.map((e) => e.id)
      )
      .orderBy(["entry_id", "line_no"])
    const linesByEntry = new Map<string, any[]>()
    for (const line of lines) {
      const list = linesByEntry.get(line.entry_id) ?? []
      list.push(line)
      linesByEntry.set(line.entry_id, list)
    }

    for (const entry of entries) {
      if (Number(entry.chain_seq) !== expectedSeq) {
        return broken(entry, `chain position ${expectedSeq} is missing (entry deleted?)`)
      }
      if (!["posted", "reversed"].includes(entry.status) || entry.deleted_at) {
        return broken(entry, `sealed entry has status ${entry.status}${entry.deleted_at ? " (deleted)" : ""}`)
      }
      if ((entry.prev_hash ?? null) !== prevHash) {
        return broken(entry, "link to the previous entry does not match")
      }
      const entryLines = linesByEntry.get(entry.id) ?? []
      for (const line of entryLines) {
        if (line.deleted_at) {
          return broken(entry, `line ${line.line_no} was deleted`)
        }
        if (
          !toDecimal(line.debit).isEqualTo(toDecimal(line.raw_debit?.value)) ||
          !toDecimal(line.credit).isEqualTo(toDecimal(line.raw_credit?.value))
        ) {
          return broken(entry, `line ${line.line_no} amount differs from its exact value`)
        }
      }
      const hash = entryHash(
        { ...entry, chain_seq: Number(entry.chain_seq) },
        entryLines.map((l) => ({ ...l, debit: l.raw_debit?.value, credit: l.raw_credit?.value }))
      )
      if (hash !== entry.hash) {
        return broken(entry, "content does not match its hash")
      }
      prevHash = entry.hash
      expectedSeq += 1
      checked += 1
    }
  }

  // An entry removed from the end of the chain leaves the counter ahead.
  const counter = await knex("accounting_document_sequence").where({ type: CHAIN_SEQUENCE }).first()
  if (counter && Number(counter.next_value) - 1 > checked) {
    return {
      valid: false,
      checked,
      reason: `chain ends at ${checked} but ${Number(counter.next_value) - 1} entries were sealed`,
    }
  }
  return { valid: true, checked }
}
