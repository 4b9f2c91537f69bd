import type { Readable, Writable } from "stream"
import { neutraliseFormula } from "../format"
import { ReportColumn, ReportMeta, ReportRow, ReportWriter, withMoneyText } from "./columns"
import { pipeCopyCsv } from "./copy-csv"
import { endOutput, waitForDrain } from "./drain"

/** One CSV cell as this writer writes it (text neutralised, quoted when needed). */
export function cell(value: unknown, column: ReportColumn): string {
  if (value === null || value === undefined) {
    return ""
  }
  // Amounts stay numbers (a negative one is not a formula); text is neutralised.
  const text =
    column.type === "money" || column.type === "number" ? String(value) : String(neutraliseFormula(value))
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Lines are handed to the output in chunks of about this many characters. */
const CHUNK = 64 * 1024

/**
 * RFC 4180 CSV written to the response in 64 KB chunks (backpressure
 * respected: memory stays flat however long the report).
 */
export class CsvReportWriter implements ReportWriter {
  private buffer = ""

  constructor(
    private readonly out: Writable,
    private readonly meta: ReportMeta
  ) {}

  async start() {
    await this.write(this.meta.columns.map((c) => cell(c.header, { key: c.key, header: c.header })).join(","))
  }

  section() {
    // One table: the currency column tells the sections apart.
  }

  async row(row: ReportRow) {
    await this.write(this.line(row))
  }

  async total(row: ReportRow) {
    await this.write(
      this.line({ ...row, [this.meta.columns[0].key]: row[this.meta.columns[0].key] ?? "TOTAL" })
    )
  }

  /**
   * Rows PostgreSQL formatted (`COPY ... TO STDOUT WITH CSV`, see
   * pipeCopyCsv), written as they come; `sectionEnd` writes a section's
   * total lines (with total()) when its last row has passed, given the sums
   * of the `sumFields` money fields before the last field.
   */
  async copyRows(
    copy: Readable,
    hooks: {
      firstField?: (ids: string[]) => Promise<(id: string) => string>
      sumFields?: { count: number; precision: (section: string) => number }
      sectionEnd: (section: string, sums: string[]) => Promise<void>
    }
  ) {
    await this.flush()
    await pipeCopyCsv(copy, {
      firstField: hooks.firstField,
      sumFields: hooks.sumFields,
      sectionChange: async (ended, _next, sums) => {
        if (ended !== null) {
          await hooks.sectionEnd(ended, sums)
          await this.flush()
        }
      },
      write: async (bytes) => {
        this.out.write(bytes)
        await waitForDrain(this.out)
      },
    })
  }

  async end() {
    await this.flush()
    await endOutput(this.out)
  }

  private line(row: ReportRow) {
    const text = withMoneyText(this.meta, row)
    return this.meta.columns.map((c: ReportColumn) => cell(text[c.key], c)).join(",")
  }

  private async write(line: string): Promise<void> {
    this.buffer += `${line}\r\n`
    if (this.buffer.length >= CHUNK) {
      await this.flush()
    }
  }

  private async flush() {
    if (this.buffer) {
      this.out.write(this.buffer)
      this.buffer = ""
      await waitForDrain(this.out)
    }
  }
}
