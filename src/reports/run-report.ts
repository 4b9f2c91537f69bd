import type { Writable } from "stream"
import type { ReportContext, ReportDefinition } from "./definitions/types"
import { CsvReportWriter } from "./writers/csv-writer"
import { JsonReportWriter } from "./writers/json-writer"
import { PdfReportWriter } from "./writers/pdf-writer"
import { XlsxReportWriter } from "./writers/xlsx-writer"
import type { ReportWriter } from "./writers/columns"

export const REPORT_FORMATS = ["json", "csv", "xlsx", "pdf"] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
}

/** Streams a report in one format to `out` (an HTTP response or a file). */
export async function runReport<P>(
  definition: ReportDefinition<P>,
  params: P,
  format: ReportFormat,
  ctx: ReportContext,
  out: Writable
): Promise<void> {
  const meta = definition.meta(params)
  let writer: ReportWriter
  switch (format) {
    case "csv": {
      const csv = new CsvReportWriter(out, meta)
      await csv.start()
      if (definition.copyCsv && (await definition.copyCsv(ctx, params, csv))) {
        await csv.end()
        return
      }
      writer = csv
      break
    }
    case "json": {
      const json = new JsonReportWriter(out, meta, definition.header?.(params) ?? {})
      await json.start()
      writer = json
      break
    }
    case "xlsx":
      writer = new XlsxReportWriter(out, meta)
      break
    case "pdf":
      writer = new PdfReportWriter(out, meta)
      break
  }
  const summary = await definition.run(ctx, params, writer)
  await writer.end(summary ?? undefined)
}

export function reportFilename(name: string, stamp: string, format: ReportFormat) {
  return `${name}-${stamp}.${format}`
}
