import PDFDocument from "pdfkit"
import type { Writable } from "stream"
import { formatAmount } from "../format"
import { ReportMeta, ReportRow, ReportWriter } from "./columns"
import { waitForDrain } from "./drain"
import { drawText, fitText, PdfTable } from "./pdf-table"

const MARGIN = 36
const FONT_SIZE = 8
/** Wide tables shrink their font with their columns, down to this. */
const MIN_FONT_SIZE = 6
/** A cell longer than this ends with an ellipsis: a row always fits well within a page. */
const MAX_CELL_LINES = 6
const TITLE_SIZE = 14
const SUBTITLE_SIZE = 9
const GAP = 6
const BOLD = "Helvetica-Bold"
const REGULAR = "Helvetica"

/**
 * A table report in PDF: title and subtitle (filters, as-of) above the table
 * on page 1, a header repeated on every page, "Page n" on every page, long
 * cells wrapped in their column, rows never split across pages, totals in
 * bold, money right-aligned, landscape when wide. Pages are flushed as they
 * fill (no page buffering), so memory stays flat whatever the row count.
 */
export class PdfReportWriter implements ReportWriter {
  private readonly doc: PDFKit.PDFDocument
  private readonly table: PdfTable
  private readonly fontSize: number
  private readonly width: number
  private readonly bottom: number
  private readonly headerHeight: number
  private page = 0
  private y = 0
  private headerOnPage = false
  private sectionName = ""

  constructor(
    private readonly out: Writable,
    private readonly meta: ReportMeta
  ) {
    this.doc = new PDFDocument({
      size: "A4",
      layout: meta.landscape ? "landscape" : "portrait",
      margin: MARGIN,
      bufferPages: false,
      info: { Title: meta.title, Creator: "medusa-accounting-ar" },
    })
    this.doc.pipe(out)
    this.width = this.doc.page.width - MARGIN * 2
    this.bottom = this.doc.page.height - MARGIN
    const requested = meta.columns.map((c) => c.width ?? 80)
    const scale = Math.min(1, this.width / requested.reduce((a, b) => a + b, 0))
    this.fontSize = Math.max(MIN_FONT_SIZE, FONT_SIZE * scale)
    let x = MARGIN
    const columns = meta.columns.map((c, i) => {
      const column = {
        x,
        width: requested[i] * scale,
        align: c.type === "money" || c.type === "number" ? ("right" as const) : ("left" as const),
      }
      x += column.width
      return column
    })
    this.table = new PdfTable(this.doc, columns, this.fontSize, MAX_CELL_LINES)
    this.headerHeight = this.table.fit(this.headers(), BOLD).height
    this.startPage()
  }

  section(name: string) {
    this.sectionName = name
    this.doc.font(BOLD)
    const heading = fitText(this.doc, name, this.width, this.fontSize + 2, 2).height + GAP
    // Heading, header and a first row stay together.
    if (this.y + heading + this.headerHeight + this.table.minRowHeight(REGULAR) > this.bottom) {
      this.startPage()
    }
    this.doc.font(BOLD)
    this.y += drawText(this.doc, name, MARGIN, this.y + GAP / 2, {
      width: this.width,
      size: this.fontSize + 2,
      maxLines: 2,
    })
    this.y += GAP
    this.header()
  }

  async row(row: ReportRow) {
    this.cells(row, REGULAR, 0)
    await waitForDrain(this.out)
  }

  async total(row: ReportRow) {
    const first = this.meta.columns[0].key
    this.cells({ ...row, [first]: row[first] ?? "Total" }, BOLD, 2)
    await waitForDrain(this.out)
  }

  end(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.doc.on("end", () => resolve())
      this.doc.on("error", reject)
      this.doc.end()
    })
  }

  /** Page 1 opens with the title block; later pages with a running title. Both carry their page number. */
  private startPage() {
    if (this.page > 0) {
      this.doc.addPage()
    }
    this.page += 1
    this.headerOnPage = false
    this.y = MARGIN
    // The footer sits in the bottom margin, drawn first so it is on every page.
    this.doc.font(REGULAR)
    drawText(this.doc, `Page ${this.page}`, MARGIN, this.bottom + 10, {
      width: this.width,
      size: FONT_SIZE,
      align: "right",
    })
    if (this.page === 1) {
      this.doc.font(BOLD)
      this.y += drawText(this.doc, this.meta.title, MARGIN, this.y, {
        width: this.width,
        size: TITLE_SIZE,
        maxLines: 2,
      })
      this.y += GAP
      this.doc.font(REGULAR)
      for (const line of this.meta.subtitle) {
        this.y += drawText(this.doc, line, MARGIN, this.y, {
          width: this.width,
          size: SUBTITLE_SIZE,
          maxLines: 3,
        })
      }
    } else {
      const running = `${this.meta.title}${this.sectionName ? ` - ${this.sectionName}` : ""}`
      this.doc.font(REGULAR)
      this.y += drawText(this.doc, running, MARGIN, this.y, {
        width: this.width,
        size: FONT_SIZE,
        maxLines: 2,
      })
    }
    this.y += GAP
  }

  private headers() {
    return this.meta.columns.map((c) => c.header)
  }

  private header() {
    const texts = this.headers()
    const { cells, height } = this.table.fit(texts, BOLD)
    this.table.draw(texts, cells, this.y, BOLD)
    this.y += height
    this.rule(0.5)
    this.headerOnPage = true
  }

  /** A row (or a total, with a rule above it) goes whole onto this page or the next, under the header. */
  private cells(row: ReportRow, font: string, ruleGap: number) {
    const texts = this.texts(row)
    const { cells, height } = this.table.fit(texts, font)
    const header = this.headerOnPage ? 0 : this.headerHeight
    if (this.y + header + ruleGap + height > this.bottom) {
      this.startPage()
    }
    if (!this.headerOnPage) {
      this.header()
    }
    if (ruleGap) {
      this.rule(0.5)
      this.y += ruleGap
    }
    this.table.draw(texts, cells, this.y, font)
    this.y += height
  }

  private texts(row: ReportRow) {
    const currency = String(row[this.meta.currencyKey ?? "currency_code"] ?? "usd")
    return this.meta.columns.map((c) => {
      const v = row[c.key]
      if (v === null || v === undefined || v === "") {
        return ""
      }
      return c.type === "money" ? formatAmount(v as string, currency) : String(v)
    })
  }

  private rule(lineWidth: number) {
    this.doc
      .moveTo(MARGIN, this.y)
      .lineTo(MARGIN + this.width, this.y)
      .lineWidth(lineWidth)
      .stroke()
  }
}
