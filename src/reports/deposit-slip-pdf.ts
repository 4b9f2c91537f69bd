import PDFDocument from "pdfkit"
import type { Writable } from "stream"
import { MoneyLike } from "../modules/accounting/rules/money"
import { formatAmount } from "./format"
import { drawText, PdfTable } from "./writers/pdf-table"

export type DepositSlipPdfInput = {
  store_name: string
  deposit: {
    number: string
    deposit_date: string
    currency_code: string
    reference?: string | null
    memo?: string | null
    total: MoneyLike
    items: {
      line_no: number
      receipt_type: string
      receipt_date: string
      description?: string | null
      amount: MoneyLike
    }[]
  }
}

const MARGIN = 50
const LEFT = 50
const RIGHT = 545
const SIZE = 10
const BOLD = "Helvetica-Bold"
const REGULAR = "Helvetica"
const HEADERS = ["#", "Received", "Receipt", "Amount"]
const COLUMNS = [
  { x: 50, width: 30, align: "left" as const },
  { x: 80, width: 75, align: "left" as const },
  { x: 155, width: 290, align: "left" as const },
  { x: 445, width: 100, align: "right" as const },
]
const KIND: Record<string, string> = { capture: "Capture", received_payment: "Payment" }

/**
 * The deposit slip taken to the bank: store, number, date, reference, one
 * row per receipt and the total. Rows continue on new pages under a repeated
 * header; every page says "Page n of N".
 */
export function writeDepositSlipPdf(
  out: Writable,
  { store_name, deposit }: DepositSlipPdfInput
): Promise<void> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `Deposit slip ${deposit.number}` },
  })
  doc.pipe(out)
  const currency = deposit.currency_code
  const bottom = doc.page.height - MARGIN
  const table = new PdfTable(doc, COLUMNS, SIZE, 8)

  doc.font(BOLD)
  let y = MARGIN + drawText(doc, store_name, LEFT, MARGIN, { width: 280, size: 18, maxLines: 3 })
  drawText(doc, "DEPOSIT SLIP", 330, MARGIN, { width: RIGHT - 330, size: 16, align: "right" })
  doc.font(REGULAR)
  y += 8
  const facts = [
    `Number: ${deposit.number}`,
    `Date: ${deposit.deposit_date}`,
    `Currency: ${currency.toUpperCase()}`,
    ...(deposit.reference ? [`Reference: ${deposit.reference}`] : []),
    ...(deposit.memo ? [`Memo: ${deposit.memo}`] : []),
  ]
  for (const fact of facts) {
    y += drawText(doc, fact, LEFT, y, { width: RIGHT - LEFT, size: SIZE, maxLines: 4 })
  }
  y += 14

  const header = () => {
    const { cells, height } = table.fit(HEADERS, BOLD)
    table.draw(HEADERS, cells, y, BOLD)
    y += height
    doc.moveTo(LEFT, y).lineTo(RIGHT, y).lineWidth(0.5).stroke()
  }
  const room = (height: number) => {
    if (y + height > bottom) {
      doc.addPage()
      y = MARGIN
      header()
    }
  }
  header()
  for (const item of deposit.items) {
    const cells = [
      String(item.line_no),
      item.receipt_date,
      `${KIND[item.receipt_type] ?? item.receipt_type}: ${item.description ?? ""}`,
      formatAmount(item.amount, currency),
    ]
    const fitted = table.fit(cells, REGULAR)
    room(fitted.height)
    table.draw(cells, fitted.cells, y, REGULAR)
    y += fitted.height
  }
  room(26)
  y += 10
  doc.font(BOLD)
  drawText(doc, `Total deposit (${deposit.items.length} receipts)`, 245, y, { width: 200, size: SIZE })
  drawText(doc, `${formatAmount(deposit.total, currency)} ${currency.toUpperCase()}`, 415, y, {
    width: 130,
    size: SIZE,
    align: "right",
  })

  doc.font(REGULAR).fillColor("#555555")
  const { start, count } = doc.bufferedPageRange()
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i)
    drawText(doc, `Page ${i + 1} of ${count}`, 430, bottom + 12, {
      width: RIGHT - 430,
      size: 8,
      align: "right",
    })
  }
  return new Promise((resolve, reject) => {
    doc.on("end", () => resolve())
    doc.on("error", reject)
    doc.end()
  })
}
