import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { auditEventHash } from "../rules/audit-hash"

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

const select = (knex: Knex) =>
  knex("accounting_audit_event").select(
    ...COLUMNS,
    knex.raw(`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as created_text`)
  )

const pending = (knex: Knex) => select(knex).whereNull("chain_seq").orderBy(["created_at", "id"]).limit(BATCH)

/**
 * Gives every unsealed audit row its place in the chain, in creation order.
 * One sealer at a time across processes (transaction advisory lock); with
 * `wait: false` it returns at once when another transaction is sealing.
 */
export async function sealAuditChain(knex: Knex, { wait = true } = {}): Promise<number> {
  if (wait) {
    await knex.raw("select pg_advisory_xact_lock(hashtextextended(?, 0))", [LOCK])
  } else {
    const { rows } = await knex.raw("select pg_try_advisory_xact_lock(hashtextextended(?, 0)) as ok", [LOCK])
    if (!rows[0].ok) {
      return 0
    }
  }
  // The chain's end (ord 0) and the first pending rows (ord 1..), in one round trip.
  const { rows: head } = await knex.raw(`select * from (? union all ?) chain order by ord`, [
    select(knex)
      .select(knex.raw("0::bigint as ord"))
      .whereNotNull("chain_seq")
      .whereNull("deleted_at") // the partial unique index's predicate: an index scan, not a sort of the table
      .orderBy("chain_seq", "desc")
      .limit(1),
    pending(knex).select(knex.raw("row_number() over (order by created_at, id) as ord")),
  ])
  const last = head.length && Number(head[0].ord) === 0 ? head.shift() : undefined
  let seq = Number(last?.chain_seq ?? 0)
  let prev: string | null = last?.hash ?? null
  let sealed = 0
  for (let rows = head; ; rows = await pending(knex)) {
    for (const row of rows) {
      seq += 1
      const hash = auditEventHash({ ...row, chain_seq: seq, prev_hash: prev })
      await knex("accounting_audit_event").where({ id: row.id }).update({ chain_seq: seq, prev_hash: prev, hash })
      prev = hash
    }
    sealed += rows.length
    if (rows.length < BATCH) {
      return sealed
    }
  }
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
