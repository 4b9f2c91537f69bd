import type { MedusaContainer } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ReportMeta, ReportWriter } from "../writers/columns"
import type { CsvReportWriter } from "../writers/csv-writer"

export type ReportContext = { knex: Knex; container: MedusaContainer }

/** A report: its columns and filters line, and how it streams its rows. */
export type ReportDefinition<P> = {
  name: string
  meta(params: P): ReportMeta
  /** Extra fields for the JSON header (as-of, filters…). */
  header?(params: P): Record<string, unknown>
  /** Streams the rows; may return a summary that ends the JSON answer (e.g. { reconciled }). */
  run(ctx: ReportContext, params: P, writer: ReportWriter): Promise<void | Record<string, unknown>>
  /**
   * Optional: writes the CSV's rows with PostgreSQL formatting them (COPY),
   * the same bytes run() would give; false when it does not apply.
   */
  copyCsv?(ctx: ReportContext, params: P, csv: CsvReportWriter): Promise<boolean>
}
