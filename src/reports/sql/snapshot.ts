import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { Readable } from "stream"
import { to as copyTo } from "pg-copy-streams"

/** Queries of one consistent picture: totals read beside the rows agree with them. */
export type Snapshot = {
  /** A query with named bindings (:as_of), as knex.raw takes them. */
  rows<T = any>(sql: string, bindings?: Knex.ValueDict): Promise<T[]>
  /** `COPY (sql) TO STDOUT WITH CSV`: PostgreSQL formats the rows (bindings inlined as literals). */
  copyCsv(sql: string, bindings?: Knex.ValueDict): Readable
  /**
   * Runs `fn` on a second connection that sees the same snapshot
   * (pg_export_snapshot), while this one streams: totals beside the COPY.
   */
  beside<T>(fn: (side: Pick<Snapshot, "rows">) => Promise<T>): Promise<T>
}

/**
 * Runs `fn` on one connection in a read-only REPEATABLE READ transaction,
 * so a report's totals and its copied rows see the same data.
 */
export async function withSnapshot<T>(knex: Knex, fn: (snapshot: Snapshot) => Promise<T>): Promise<T> {
  return await onConnection(knex, null, async (conn, rows) => {
    const side: Promise<unknown>[] = []
    const snapshot: Snapshot = {
      rows,
      copyCsv(sql, bindings = {}) {
        const inlined = knex.raw(sql, bindings).toQuery()
        return conn.query(copyTo(`copy (${inlined}) to stdout with (format csv)`))
      },
      beside<U>(besideFn: (side: Pick<Snapshot, "rows">) => Promise<U>) {
        const id = rows<{ id: string }>("select pg_export_snapshot() as id").then(([r]) => r.id)
        const running = id.then((snapshotId) => onConnection(knex, snapshotId, (_, sideRows) => besideFn({ rows: sideRows })))
        side.push(running.catch(() => undefined))
        return running
      },
    }
    try {
      return await fn(snapshot)
    } finally {
      // The exporting transaction stays open until every importer is done.
      await Promise.all(side)
    }
  })
}

type Rows = Snapshot["rows"]

async function onConnection<T>(knex: Knex, importSnapshot: string | null, fn: (conn: any, rows: Rows) => Promise<T>) {
  const client: Knex.Client = knex.client
  const conn = await client.acquireConnection()
  let failed = false
  try {
    await conn.query("begin isolation level repeatable read read only")
    if (importSnapshot) {
      await conn.query(`set transaction snapshot '${importSnapshot.replace(/'/g, "''")}'`)
    }
    await conn.query("set local work_mem = '64MB'")
    const rows: Rows = async (sql, bindings = {}) => {
      const native = knex.raw(sql, bindings).toSQL().toNative()
      return (await conn.query(native.sql, native.bindings)).rows
    }
    return await fn(conn, rows)
  } catch (e) {
    failed = true
    throw e
  } finally {
    try {
      if (failed) {
        // Possibly mid-COPY (the client went away): the connection is closed, and the pool drops it.
        conn.__knex__disposed = "report export aborted"
        conn.end().catch(() => undefined)
      } else {
        await conn.query("commit")
      }
    } finally {
      await client.releaseConnection(conn)
    }
  }
}
