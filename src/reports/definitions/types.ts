import type { MedusaContainer } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ReportMeta, ReportWriter } from "../writers/columns"

export type ReportContext = { knex: Knex; container: MedusaContainer }

/** A report: its columns and filters line, and how it streams its rows. */
export type ReportDefinition<P> = {
  name: string
  meta(params: P): ReportMeta
  /** Extra fields for the JSON header (as-of, filters…). */
  header?(params: P): Record<string, unknown>
  /** Streams the rows; may return a summary that ends the JSON answer (e.g. { reconciled }). */
  run(ctx: ReportContext, params: P, writer: ReportWriter): Promise<void | Record<string, unknown>>
}
