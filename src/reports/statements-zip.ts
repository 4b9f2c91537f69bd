import { PassThrough, type Writable } from "stream"
import type { ReportContext } from "./definitions/types"
import { customerStatement } from "./definitions/customer-statement"
import { customerNames } from "./customers"
import { runReport } from "./run-report"
import { arDocumentsAsOf, NOTHING_AFTER_AS_OF } from "./sql/as-of"

// archiver ships no types; the three calls used here.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const archiver: (format: "zip", options: { zlib: { level: number } }) => ZipArchive = require("archiver")
type ZipArchive = NodeJS.EventEmitter & {
  pipe(out: Writable): Writable
  append(source: Buffer, data: { name: string }): void
  finalize(): Promise<void>
}

/** Customers with a non-zero balance in any currency at the end of `as_of` (SQL over the AR subledger as of that day). */
export async function customersWithBalance(ctx: ReportContext, as_of: string): Promise<string[]> {
  const {
    rows: [{ cached }],
  } = await ctx.knex.raw(NOTHING_AFTER_AS_OF, { as_of })
  const { rows } = await ctx.knex.raw(
    `select distinct b.customer_id from (
       select d.customer_id, d.currency_code from (${arDocumentsAsOf("", { cached })}) d
        group by d.customer_id, d.currency_code having sum(d.sign * d.open) <> 0) b
      order by b.customer_id`,
    { as_of }
  )
  return rows.map((r: { customer_id: string }) => r.customer_id)
}

/** A PDF statement in memory (one customer's: small), so the ZIP takes it as one entry. */
async function statementPdf(ctx: ReportContext, params: Parameters<typeof customerStatement.run>[1]) {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on("data", (c: Buffer) => chunks.push(c))
  const done = new Promise((resolve, reject) => out.on("end", resolve).on("error", reject))
  await runReport(customerStatement, params, "pdf", ctx, out)
  await done
  return Buffer.concat(chunks)
}

/**
 * Streams a ZIP of the PDF statements (`from`..`to`) of every customer with a
 * balance at the end of `to`, one file per customer, written as each is made.
 */
export async function writeStatementsZip(
  ctx: ReportContext,
  range: { from: string; to: string; buckets: number[] },
  out: Writable
): Promise<number> {
  const archive = archiver("zip", { zlib: { level: 6 } })
  const failed = new Promise<never>((_, reject) => archive.on("error", reject))
  failed.catch(() => undefined)
  archive.pipe(out)
  const ids = await customersWithBalance(ctx, range.to)
  for (let i = 0; i < ids.length; i += 100) {
    const names = await customerNames(ctx.container, ids.slice(i, i + 100))
    for (const id of ids.slice(i, i + 100)) {
      const pdf = await statementPdf(ctx, {
        ...range,
        customer_id: id,
        customer_name: names.get(id)?.name ?? id,
      })
      archive.append(pdf, {
        name: `statement-${id.replace(/[^A-Za-z0-9_.-]/g, "_")}-${range.from}_${range.to}.pdf`,
      })
    }
  }
  await Promise.race([archive.finalize(), failed])
  return ids.length
}
