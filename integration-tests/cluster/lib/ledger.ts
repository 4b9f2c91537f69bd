/** Plain-SQL views of what the cluster posted, for the cluster test's checks. */

import { waitFor } from "./http"

// pg ships no types here; only `query` and `end` are used.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { Client } = require("pg")

export type Db = {
  query: (sql: string, params?: unknown[]) => Promise<{ rows: any[] }>
  end: () => Promise<void>
}

export async function connect(databaseUrl: string): Promise<Db> {
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  return client
}

export type SourceCounts = {
  orders: number
  captures: number
  refunds: number
  /** Sources (order placement, capture, refund) with no journal entry yet. */
  missing: string[]
  /** Sources with more than one entry of the same kind (must never happen). */
  duplicated: string[]
}

/**
 * For the given orders: each placement, each Medusa capture and each Medusa
 * refund of their payments, and how many journal entries each has.
 */
export async function journalCoverage(db: Db, orderIds: string[]): Promise<SourceCounts> {
  const { rows } = await db.query(
    `with src as (
       select 'order' as source_type, o.id as source_id, 'placed' as source_kind
         from unnest($1::text[]) as o(id)
       union all
       select 'capture', c.id, 'captured'
         from order_payment_collection opc
         join payment p on p.payment_collection_id = opc.payment_collection_id and p.deleted_at is null
         join capture c on c.payment_id = p.id and c.deleted_at is null
        where opc.order_id = any($1) and opc.deleted_at is null
       union all
       select 'refund', r.id, 'refunded'
         from order_payment_collection opc
         join payment p on p.payment_collection_id = opc.payment_collection_id and p.deleted_at is null
         join refund r on r.payment_id = p.id and r.deleted_at is null
        where opc.order_id = any($1) and opc.deleted_at is null
     )
     select s.source_type, s.source_id,
            (select count(*) from accounting_journal_entry e
              where e.source_type = s.source_type and e.source_id = s.source_id
                and e.source_kind = s.source_kind and e.status <> 'draft' and e.deleted_at is null)::int as entries
       from src s`,
    [orderIds]
  )
  const count = (type: string) => rows.filter((r: any) => r.source_type === type).length
  return {
    orders: count("order"),
    captures: count("capture"),
    refunds: count("refund"),
    missing: rows.filter((r: any) => r.entries === 0).map((r: any) => `${r.source_type}:${r.source_id}`),
    duplicated: rows.filter((r: any) => r.entries > 1).map((r: any) => `${r.source_type}:${r.source_id}`),
  }
}

/**
 * Polls journalCoverage until nothing of `orderIds` is missing; the coverage
 * then, or after `timeoutMs` the coverage as it stands (callers check `missing`).
 */
export async function waitForJournal(
  db: Db,
  orderIds: string[],
  { timeoutMs, intervalMs }: { timeoutMs: number; intervalMs: number }
): Promise<SourceCounts> {
  try {
    return await waitFor(
      `the journal to cover ${orderIds.length} orders`,
      async () => {
        const c = await journalCoverage(db, orderIds)
        return c.missing.length === 0 ? c : null
      },
      { timeoutMs, intervalMs }
    )
  } catch {
    return await journalCoverage(db, orderIds)
  }
}

/** Any (source_type, source_id, source_kind) posted more than once anywhere in the journal. */
export async function duplicateSources(db: Db): Promise<string[]> {
  const { rows } = await db.query(
    `select source_type, source_id, source_kind, count(*)::int as n
       from accounting_journal_entry
      where source_type is not null and deleted_at is null and status <> 'draft'
      group by 1, 2, 3 having count(*) > 1`
  )
  return rows.map((r: any) => `${r.source_type}:${r.source_id}:${r.source_kind} x${r.n}`)
}

/** Numbers PREFIX000001..N of a table's posted documents: unique and without gaps. */
export async function numberGaps(db: Db, table: string, where = "number is not null") {
  const { rows } = await db.query(
    `select number from ${table} where ${where} and deleted_at is null order by number`
  )
  const values = rows.map((r: any) => Number(String(r.number).replace(/^\D+/, "")))
  const unique = new Set(values)
  const min = values.length ? Math.min(...values) : 0
  const max = values.length ? Math.max(...values) : -1
  return {
    count: values.length,
    duplicates: values.length - unique.size,
    gaps: max - min + 1 - unique.size,
    first: rows[0]?.number ?? null,
    last: rows[rows.length - 1]?.number ?? null,
  }
}

export async function pendingPostingErrors(db: Db) {
  const { rows } = await db.query(
    `select id, source_type, source_id, code, message, attempts, status
       from accounting_posting_error where status = 'pending' and deleted_at is null`
  )
  return rows
}
