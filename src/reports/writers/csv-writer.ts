import type { Writable } from "stream"
import { neutraliseFormula } from "../format"
import { ReportColumn, ReportMeta, ReportRow, ReportWriter } from "./columns"
import { endOutput, waitForDrain } from "./drain"

function cell(value: unknown, column: ReportColumn): string {
  if (value === null || value === undefined) {
    return ""
  }
  // Amounts stay numbers (a negative one is not a formula); text is neutralised.
  const text =
    column.type === "money" || column.type === "number" ? String(value) : String(neutraliseFormula(value))
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * RFC 4180 CSV written row by row to the response (backpressure respected),
 * with a section column when the report has sections.
 */
export class CsvReportWriter implements ReportWriter {
  private currentSection = ""

  constructor(
    private readonly out: Writable,
    private readonly meta: ReportMeta
  ) {}

  async start() {
    await this.write(this.meta.columns.map((c) => cell(c.header, { key: c.key, header: c.header })).join(","))
  }

  section(name: string) {
    this.currentSection = name
  }

  async row(row: ReportRow) {
    await this.write(this.line(row))
  }

  async total(row: ReportRow) {
    await this.write(
      this.line({ ...row, [this.meta.columns[0].key]: row[this.meta.columns[0].key] ?? "TOTAL" })
    )
  }

  async end() {
    await endOutput(this.out)
  }

  private line(row: ReportRow) {
    return this.meta.columns.map((c: ReportColumn) => cell(row[c.key], c)).join(",")
  }

  private async write(line: string): Promise<void> {
    this.out.write(`${line}\r\n`)
    await waitForDrain(this.out)
  }
}
