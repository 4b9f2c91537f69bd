import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { auditEventHash, type HashableAuditEvent } from "../rules/audit-hash"

const LOCK = "accounting_audit_chain"
const BATCH = 500
const COLUMNS = [
  "id",
  "entity_type",
  "entity_id",
  "action",
  "from_status",
  "to_status",
  "actor_id",
  "origin",
  "data",
  "before",
  "after",
  "chain_seq",
  "prev_hash",
  "hash",
]

const UTC_MICROS = `'YYYY-MM-DD"T"HH24:MI:SS.US'`

const select = (knex: Knex) =>
  knex("accounting_audit_event").select(
    ...COLUMNS,
    knex.raw(`to_char(created_at at time zone 'UTC', ${UTC_MICROS}) as created_text`)
  )

const pending = (knex: Knex) => select(knex).whereNull("chain_seq").orderBy(["created_at", "id"]).limit(BATCH)

/** An audit row as inserted: data, before and after as JSON text. */
export type AuditRow = Omit<
  HashableAuditEvent,
  "data" | "before" | "after" | "created_text" | "chain_seq" | "prev_hash"
> & { data: string | null; before: string | null; after: string | null }

// What jsonb gives back for the JSON text inserted (Dates already strings, undefined keys gone).
const parsed = (json: string | null) => (json === null ? null : JSON.parse(json))

/**
 * Gives every unsealed audit row its place in the chain, in creation order.
 * One sealer at a time across processes (transaction advisory lock); with
 * `wait: false` it returns at once when another transaction is sealing.
 * `append` is a new row to insert: sealed after the pending rows when this
 * transaction holds the chain, else unsealed (the next sealer seals it).
 */
export async function sealAuditChain(
  knex: Knex,
  { wait = true, append }: { wait?: boolean; append?: AuditRow } = {}
): Promise<number> {
  if (wait) {
    await knex.raw("select pg_advisory_xact_lock(hashtextextended(?, 0))", [LOCK])
  } else {
    const { rows } = await knex.raw("select pg_try_advisory_xact_lock(hashtextextended(?, 0)) as ok", [LOCK])
    if (!rows[0].ok) {
      if (append) {
        await knex("accounting_audit_event").insert(append)
      }
      return 0
    }
  }
  // In one round trip: this transaction's now() (an appended row's created_at),
  // the chain's end (ord 0) and the first pending rows (ord 1..).
  const { rows: head } = await knex.raw(
    `select now_text, chain.* from (select to_char(now() at time zone 'UTC', ${UTC_MICROS}) as now_text) n
       left join (? union all ?) chain on true order by chain.ord`,
    [
      select(knex)
        .select(knex.raw("0::bigint as ord"))
        .whereNotNull("chain_seq")
        .whereNull("deleted_at") // the partial unique index's predicate: an index scan, not a sort of the table
        .orderBy("chain_seq", "desc")
        .limit(1),
      pending(knex).select(knex.raw("row_number() over (order by created_at, id) as ord")),
    ]
  )
  const nowText: string = head[0].now_text
  const chain = head.filter((r: any) => r.ord !== null)
  const last = chain.length && Number(chain[0].ord) === 0 ? chain.shift() : undefined
  let seq = Number(last?.chain_seq ?? 0)
  let prev: string | null = last?.hash ?? null
  let sealed = 0
  for (let rows = chain; ; rows = await pending(knex)) {
    for (const row of rows) {
      seq += 1
      const hash = auditEventHash({ ...row, chain_seq: seq, prev_hash: prev })
      await knex("accounting_audit_event").where({ id: row.id }).update({ chain_seq: seq, prev_hash: prev, hash })
      prev = hash
    }
    sealed += rows.length
    if (rows.length < BATCH) {
      break
    }
  }
  if (append) {
    // Inserted sealed: its created_at is set to the instant its hash covers.
    seq += 1
    const hash = auditEventHash({
      ...append,
      data: parsed(append.data),
      before: parsed(append.before),
      after: parsed(append.after),
      created_text: nowText,
      chain_seq: seq,
      prev_hash: prev,
    })
    await knex("accounting_audit_event").insert({
      ...append,
      created_at: knex.raw("?::timestamp at time zone 'UTC'", [nowText]),
      chain_seq: seq,
      prev_hash: prev,
      hash,
    })
    sealed += 1
  }
  return sealed
}

export type AuditVerifyResult = {
  valid: boolean
  checked: number
  first_broken_id?: string
  first_broken_seq?: number
  reason?: string
}

/** Walks the audit chain in order and reports the first row that no longer matches. */
export async function verifyAuditChain(knex: Knex): Promise<AuditVerifyResult> {
  let prev: string | null = null
  let expected = 1
  for (;;) {
    const rows = await select(knex).where("chain_seq", ">=", expected).whereNull("deleted_at").orderBy("chain_seq").limit(BATCH)
    for (const row of rows) {
      const broken = (reason: string): AuditVerifyResult => ({
        valid: false,
        checked: expected - 1,
        first_broken_id: row.id,
        first_broken_seq: Number(row.chain_seq),
        reason,
      })
      if (Number(row.chain_seq) !== expected) {
        return broken(`chain position ${expected} is missing (row deleted?)`)
      }
      if ((row.prev_hash ?? null) !== prev) {
        return broken("link to the previous row does not match")
      }
      if (auditEventHash({ ...row, chain_seq: expected }) !== row.hash) {
        return broken("content does not match its hash")
      }
      prev = row.hash
      expected += 1
    }
    if (rows.length < BATCH) {
      return { valid: true, checked: expected - 1 }
    }
  }
}
