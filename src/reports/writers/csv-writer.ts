import type { Writable } from "stream"
import { neutraliseFormula } from "../format"
import { ReportColumn, ReportMeta, ReportRow, ReportWriter } from "./columns"

function cell(value: unknown): string {
  if (value === null || value === undefined) {
    return ""
  }
  const text = String(neutraliseFormula(value))
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
    await this.write(this.meta.columns.map((c) => cell(c.header)).join(","))
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
    await new Promise<void>((resolve) => this.out.end(resolve))
  }

  private line(row: ReportRow) {
    return this.meta.columns.map((c: ReportColumn) => cell(row[c.key])).join(",")
  }

  private write(line: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const ok = this.out.write(`${line}\r\n`, (err) => (err ? reject(err) : undefined))
      if (ok) {
        resolve()
      } else {
        this.out.once("drain", resolve)
      }
    })
  }
}
