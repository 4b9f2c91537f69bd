import PDFDocument from "pdfkit"
import type { Writable } from "stream"
import { MoneyLike } from "../modules/accounting/rules/money"
import { formatAmount } from "./format"
import { drawText, PdfTable } from "./writers/pdf-table"

export type CreditMemoPdfInput = {
  store_name: string
  customer: { name: string; email?: string | null; address?: string[] }
  memo: {
    number: string | null
    status: string
    memo_date: string
    reason: string
    /** The label of its reason code (settings → reason_codes), printed above the free text. */
    reason_label?: string | null
    currency_code: string
    order_display?: string | null
    internal?: boolean | null
    legal_number?: string | null
    subtotal: MoneyLike
    tax_total: MoneyLike
    total: MoneyLike
    remaining_amount: MoneyLike | null
    lines: { kind: string; description: string; amount: MoneyLike; tax_amount: MoneyLike }[]
  }
}

const MARGIN = 50
const LEFT = 50
const RIGHT = 545
const SPLIT = 330
const SIZE = 10
const BOLD = "Helvetica-Bold"
const REGULAR = "Helvetica"
const HEADERS = ["Description", "Kind", "Amount", "Tax"]
const COLUMNS = [
  { x: 50, width: 255, align: "left" as const },
  { x: 305, width: 70, align: "left" as const },
  { x: 375, width: 85, align: "right" as const },
  { x: 460, width: 85, align: "right" as const },
]

/**
 * The credit memo a customer receives: store, customer, number, date, lines,
 * tax, total, remaining. Laid out top to bottom from measured heights, so
 * long names, addresses or reasons push what follows down instead of
 * overprinting it; lines continue on new pages under a repeated header, and
 * every page says "Page n of N" (a memo is small: its pages are buffered).
 */
export function writeCreditMemoPdf(
  out: Writable,
  { store_name, customer, memo }: CreditMemoPdfInput
): Promise<void> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `Credit memo ${memo.number ?? "(draft)"}` },
  })
  doc.pipe(out)
  const currency = memo.currency_code
  const money = (v: MoneyLike) => `${formatAmount(v, currency)} ${currency.toUpperCase()}`
  const bottom = doc.page.height - MARGIN
  const table = new PdfTable(doc, COLUMNS, SIZE, 8)

  // Left: store, then who is credited. Right: what the document is.
  doc.font(BOLD)
  let left =
    MARGIN + drawText(doc, store_name, LEFT, MARGIN, { width: SPLIT - LEFT - 10, size: 18, maxLines: 3 })
  let right =
    MARGIN + drawText(doc, "CREDIT MEMO", SPLIT, MARGIN, { width: RIGHT - SPLIT, size: 16, align: "right" })
  right += 8
  doc.font(REGULAR)
  const facts = [`Number: ${memo.number ?? "DRAFT"}`, `Date: ${memo.memo_date}`]
  if (memo.order_display) {
    facts.push(`Order: ${memo.order_display}`)
  }
  if (memo.legal_number) {
    facts.push(`Legal credit note: ${memo.legal_number}`)
  }
  for (const fact of facts) {
    right += drawText(doc, fact, SPLIT, right, {
      width: RIGHT - SPLIT,
      size: SIZE,
      maxLines: 3,
      align: "right",
    })
  }
  if (memo.internal) {
    doc.font(BOLD)
    right += drawText(doc, "Internal document: not a tax document", SPLIT, right, {
      width: RIGHT - SPLIT,
      size: SIZE,
      align: "right",
    })
    doc.font(REGULAR)
  }
  if (memo.status === "voided") {
    doc.font(BOLD).fillColor("#b00020")
    right += drawText(doc, "VOIDED", SPLIT, right, { width: RIGHT - SPLIT, size: SIZE, align: "right" })
    doc.fillColor("black")
  }
  left += 14
  doc.font(BOLD)
  left += drawText(doc, "Credit to", LEFT, left, { width: SPLIT - LEFT - 10, size: SIZE })
  doc.font(REGULAR)
  for (const line of [customer.name, customer.email, ...(customer.address ?? [])].filter(Boolean)) {
    left += drawText(doc, line as string, LEFT, left, { width: SPLIT - LEFT - 10, size: SIZE, maxLines: 3 })
  }

  let y = Math.max(left, right) + 14
  doc.font(BOLD)
  y += drawText(doc, "Reason", LEFT, y, { width: RIGHT - LEFT, size: SIZE })
  doc.font(REGULAR)
  if (memo.reason_label) {
    y += drawText(doc, memo.reason_label, LEFT, y, { width: RIGHT - LEFT, size: SIZE, maxLines: 2 }) + 2
  }
  y += drawText(doc, memo.reason, LEFT, y, { width: RIGHT - LEFT, size: SIZE, maxLines: 12 }) + 14

  const header = () => {
    const { cells, height } = table.fit(HEADERS, BOLD)
    table.draw(HEADERS, cells, y, BOLD)
    y += height
    doc.moveTo(LEFT, y).lineTo(RIGHT, y).lineWidth(0.5).stroke()
  }
  /** Moves to a new page, under a repeated header, unless `height` still fits. */
  const room = (height: number) => {
    if (y + height > bottom) {
      doc.addPage()
      y = MARGIN
      header()
    }
  }
  header()
  for (const line of memo.lines) {
    const cells = [
      line.description,
      line.kind,
      formatAmount(line.amount, currency),
      formatAmount(line.tax_amount, currency),
    ]
    const fitted = table.fit(cells, REGULAR)
    room(fitted.height)
    table.draw(cells, fitted.cells, y, REGULAR)
    y += fitted.height
  }

  const totals: [string, MoneyLike][] = [
    ["Subtotal", memo.subtotal],
    ["Tax", memo.tax_total],
    ["Total credit", memo.total],
  ]
  if (memo.remaining_amount !== null) {
    totals.push(["Remaining", memo.remaining_amount])
  }
  // The totals block stays together.
  room(10 + totals.length * 16)
  y += 10
  for (const [label, value] of totals) {
    doc.font(label === "Total credit" ? BOLD : REGULAR)
    drawText(doc, label, 305, y, { width: 110, size: SIZE })
    drawText(doc, money(value), 415, y, { width: 130, size: SIZE, align: "right" })
    y += 16
  }

  // Footers live in the bottom margin: the note on the last page, numbers on all.
  doc.font(REGULAR).fillColor("#555555")
  drawText(doc, "This credit can be applied to open orders or refunded.", LEFT, bottom + 12, {
    width: 380,
    size: 8,
  })
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
