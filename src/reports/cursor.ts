import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/**
 * Runs a query through a server-side cursor and hands the rows over in
 * batches: the database keeps the result, Node holds one batch at a time.
 * `onBatch` may be slow (writing to a client); the cursor just waits, one
 * batch read ahead.
 */
export async function streamQuery(
  knex: Knex,
  sql: string,
  bindings: Knex.ValueDict | readonly Knex.RawBinding[],
  onBatch: (rows: any[]) => Promise<void>,
  batchSize = 5000
): Promise<void> {
  await knex.transaction(
    async (trx) => {
      // A report reads every row: plan for all of them (not the first 10 %), and sort in memory.
      await trx.raw(`set local cursor_tuple_fraction = 1.0`)
      await trx.raw(`set local work_mem = '64MB'`)
      await trx.raw(`declare report_cursor no scroll cursor for ${sql}`, bindings)
      const size = Math.floor(batchSize)
      const fetch = async (): Promise<any[]> =>
        (await trx.raw(`fetch forward ${size} from report_cursor`)).rows
      let next = fetch()
      for (;;) {
        const rows = await next
        const more = rows.length === size
        if (more) {
          // The database reads the next batch while this one is written (awaited next turn).
          next = fetch()
          next.catch(() => undefined)
        }
        if (rows.length) {
          try {
            await onBatch(rows)
          } catch (e) {
            // The connection finishes the fetch before the rollback goes out on it.
            await next.catch(() => undefined)
            throw e
          }
        }
        if (!more) {
          break
        }
      }
      await trx.raw(`close report_cursor`)
    },
    { readOnly: true }
  )
}
