import PDFDocument from "pdfkit"
import type { Writable } from "stream"
import { formatAmount } from "../format"
import { ReportColumn, ReportMeta, ReportRow, ReportWriter } from "./columns"
import { waitForDrain } from "./drain"

const MARGIN = 36
const ROW_HEIGHT = 14
const FONT_SIZE = 8

/**
 * A table report in PDF: title, filters and as-of under it, a header
 * repeated on every page, page numbers, totals in bold, landscape when wide.
 * Pages are flushed as they fill (no page buffering), so memory stays flat.
 */
export class PdfReportWriter implements ReportWriter {
  private readonly doc: PDFKit.PDFDocument
  private page = 0
  private y = 0
  private readonly widths: number[]
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
    const available = this.doc.page.width - MARGIN * 2
    const requested = meta.columns.map((c) => c.width ?? 80)
    const scale = Math.min(1, available / requested.reduce((a, b) => a + b, 0))
    this.widths = requested.map((w) => w * scale)
    this.startPage(true)
  }

  section(name: string) {
    this.sectionName = name
    this.ensureSpace(ROW_HEIGHT * 3)
    this.y += 4
    this.doc
      .font("Helvetica-Bold")
      .fontSize(FONT_SIZE + 2)
      .text(name, MARGIN, this.y)
    this.y += ROW_HEIGHT + 2
    this.header()
  }

  async row(row: ReportRow) {
    this.ensureSpace(ROW_HEIGHT)
    this.cells(row, false)
    await waitForDrain(this.out)
  }

  total(row: ReportRow) {
    this.ensureSpace(ROW_HEIGHT * 2)
    this.doc
      .moveTo(MARGIN, this.y)
      .lineTo(this.doc.page.width - MARGIN, this.y)
      .lineWidth(0.5)
      .stroke()
    this.y += 2
    this.cells({ ...row, [this.meta.columns[0].key]: row[this.meta.columns[0].key] ?? "Total" }, true)
  }

  end(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.doc.on("end", () => resolve())
      this.doc.on("error", reject)
      this.doc.end()
    })
  }

  private startPage(first: boolean) {
    if (!first) {
      this.doc.addPage()
    }
    this.page += 1
    const { width, height } = this.doc.page
    this.y = MARGIN
    if (first) {
      this.doc.font("Helvetica-Bold").fontSize(14).text(this.meta.title, MARGIN, this.y)
      this.y += 20
      this.doc.font("Helvetica").fontSize(FONT_SIZE + 1)
      for (const line of this.meta.subtitle) {
        this.doc.text(line, MARGIN, this.y, { width: width - MARGIN * 2 })
        this.y += 12
      }
      this.y += 6
    } else {
      this.doc
        .font("Helvetica")
        .fontSize(FONT_SIZE)
        .text(`${this.meta.title}${this.sectionName ? ` - ${this.sectionName}` : ""}`, MARGIN, this.y)
      this.y += 14
    }
    this.doc
      .font("Helvetica")
      .fontSize(FONT_SIZE)
      .text(`Page ${this.page}`, MARGIN, height - MARGIN + 10, {
        width: width - MARGIN * 2,
        align: "right",
        lineBreak: false,
      })
    if (!first) {
      this.header()
    }
  }

  private header() {
    this.doc.font("Helvetica-Bold").fontSize(FONT_SIZE)
    this.drawCells(
      this.meta.columns.map((c) => c.header),
      this.meta.columns
    )
    this.y += ROW_HEIGHT
  }

  private ensureSpace(needed: number) {
    if (this.y + needed > this.doc.page.height - MARGIN - 4) {
      this.startPage(false)
    }
  }

  private cells(row: ReportRow, bold: boolean) {
    const currency = String(row[this.meta.currencyKey ?? "currency_code"] ?? "usd")
    const texts = this.meta.columns.map((c) => {
      const v = row[c.key]
      if (v === null || v === undefined || v === "") {
        return ""
      }
      return c.type === "money" ? formatAmount(v as string, currency) : String(v)
    })
    this.doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(FONT_SIZE)
    this.drawCells(texts, this.meta.columns)
    this.y += ROW_HEIGHT
  }

  private drawCells(texts: string[], columns: ReportColumn[]) {
    let x = MARGIN
    texts.forEach((text, i) => {
      const width = this.widths[i]
      const right = columns[i].type === "money" || columns[i].type === "number"
      this.doc.text(text, x + 2, this.y + 3, {
        width: width - 4,
        align: right ? "right" : "left",
        lineBreak: false,
        ellipsis: true,
      })
      x += width
    })
  }
}
