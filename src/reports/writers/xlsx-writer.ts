import ExcelJS from "exceljs"
import type { Writable } from "stream"
import type { MoneyLike } from "../../modules/accounting/rules/money"
import { moneyText } from "../../modules/accounting/rules/money-text"
import { excelCurrencyFormat, neutraliseFormula } from "../format"
import { ReportMeta, ReportRow, ReportWriter } from "./columns"
import { waitForDrain } from "./drain"

type CellKind = "text" | "number" | "money"

/** The internals of an exceljs WorksheetWriter backpressure() reads (undocumented, untyped). */
type SheetStream = {
  stream?: { pipes?: { _writableState?: { length: number }; _readableState?: { length: number } }[] }
}

/**
 * Streaming XLSX (exceljs WorkbookWriter): one sheet per section, frozen
 * header row, money as real number cells in the currency's format. Rows are
 * committed as they come, so memory stays flat however long the report.
 */
export class XlsxReportWriter implements ReportWriter {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter
  private sheet: ExcelJS.Worksheet | null = null
  private readonly sheetNames = new Set<string>()
  private rowsSinceCheck = 0
  private readonly styles = new Map<string, Partial<ExcelJS.Style>[]>()

  constructor(
    private readonly out: Writable,
    private readonly meta: ReportMeta
  ) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    })
    this.workbook.creator = "medusa-accounting-ar"
  }

  section(name: string) {
    this.sheet?.commit()
    let title = name.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || "Report"
    for (let i = 2; this.sheetNames.has(title); i++) {
      title = `${name.slice(0, 28)} ${i}`
    }
    this.sheetNames.add(title)
    const sheet = this.workbook.addWorksheet(title, { views: [{ state: "frozen", ySplit: 1 }] })
    sheet.columns = this.meta.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: Math.max(10, Math.round((c.width ?? 80) / 6)),
    }))
    sheet.getRow(1).font = { bold: true }
    this.sheet = sheet
  }

  async row(row: ReportRow) {
    this.add(row, false)
    if (++this.rowsSinceCheck >= 250) {
      this.rowsSinceCheck = 0
      await this.backpressure()
    }
  }

  /**
   * exceljs hands each sheet's XML to the zip compressor without waiting for
   * it, and the compressor only runs when the event loop gets a turn: give it
   * one every few hundred rows, and wait while its input or the client is behind.
   */
  private async backpressure() {
    // exceljs keeps the sheet's stream (piped into the zip) out of its types: SheetStream names what is read.
    const zipInput = (this.sheet as SheetStream | null)?.stream?.pipes?.[0]
    const buffered = () => (zipInput?._writableState?.length ?? 0) + (zipInput?._readableState?.length ?? 0)
    do {
      await new Promise((resolve) => setImmediate(resolve))
    } while (buffered() > 1024 * 1024)
    await waitForDrain(this.out)
  }

  total(row: ReportRow) {
    this.add(row, true)
  }

  async end() {
    if (!this.sheet) {
      this.section(this.meta.title)
    }
    this.sheet!.commit()
    await this.workbook.commit()
  }

  /**
   * One style object per column kind (and currency, and weight), shared by
   * every cell: exceljs remembers a style object's id (a WeakMap), so a
   * row costs no style lookups; a fresh object per cell would be serialised
   * and hashed each time. Cached per currency and weight as the row's list.
   */
  private stylesOf(kinds: CellKind[], currency: string, bold: boolean) {
    const key = `${currency}:${bold}:${kinds.map((k) => k[0]).join("")}`
    let styles = this.styles.get(key)
    if (!styles) {
      styles = kinds.map(
        (kind) =>
          ({
            ...(kind === "money" && { numFmt: excelCurrencyFormat(currency) }),
            ...(bold && { font: { bold: true } }),
          }) as Partial<ExcelJS.Style>
      )
      this.styles.set(key, styles)
    }
    return styles
  }

  private add(row: ReportRow, bold: boolean) {
    if (!this.sheet) {
      this.section(this.meta.title)
    }
    const currency = String(row[this.meta.currencyKey ?? "currency_code"] ?? "usd")
    const values: unknown[] = []
    const kinds: CellKind[] = []
    for (const c of this.meta.columns) {
      const v = row[c.key]
      if (c.type === "money" && v !== null && v !== undefined && v !== "") {
        // A real number cell, rounded at the currency's precision (the exact decimal text, then its number).
        values.push(Number(moneyText(v as MoneyLike, currency)))
        kinds.push("money")
      } else if (c.type === "number" && v !== null && v !== undefined && v !== "") {
        values.push(Number(v))
        kinds.push("number")
      } else {
        values.push(neutraliseFormula(v ?? ""))
        kinds.push(c.type === "money" ? "money" : "text")
      }
    }
    const added = this.sheet!.addRow(values)
    const styles = this.stylesOf(kinds, currency, bold)
    for (let i = 0; i < styles.length; i++) {
      added.getCell(i + 1).style = styles[i]
    }
    added.commit()
  }
}
