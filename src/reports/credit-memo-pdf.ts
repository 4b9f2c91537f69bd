import PDFDocument from "pdfkit"
import type { Writable } from "stream"
import { MoneyLike } from "../modules/accounting/rules/money"
import { formatAmount } from "./format"

export type CreditMemoPdfInput = {
  store_name: string
  customer: { name: string; email?: string | null; address?: string[] }
  memo: {
    number: string | null
    status: string
    memo_date: string
    reason: string
    currency_code: string
    order_display?: string | null
    subtotal: MoneyLike
    tax_total: MoneyLike
    total: MoneyLike
    remaining_amount: MoneyLike | null
    lines: { kind: string; description: string; amount: MoneyLike; tax_amount: MoneyLike }[]
  }
}

/** The credit memo a customer receives: store, customer, number, date, lines, tax, total, remaining. */
export function writeCreditMemoPdf(
  out: Writable,
  { store_name, customer, memo }: CreditMemoPdfInput
): Promise<void> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    info: { Title: `Credit memo ${memo.number ?? "(draft)"}` },
  })
  doc.pipe(out)
  const currency = memo.currency_code
  const money = (v: MoneyLike) => `${formatAmount(v, currency)} ${currency.toUpperCase()}`

  doc.font("Helvetica-Bold").fontSize(18).text(store_name, 50, 50)
  doc.fontSize(16).text("CREDIT MEMO", 50, 50, { align: "right" })
  doc.font("Helvetica").fontSize(10)
  doc.text(`Number: ${memo.number ?? "DRAFT"}`, 350, 80, { align: "right" })
  doc.text(`Date: ${memo.memo_date}`, 350, 95, { align: "right" })
  if (memo.order_display) {
    doc.text(`Order: ${memo.order_display}`, 350, 110, { align: "right" })
  }
  if (memo.status === "voided") {
    doc
      .font("Helvetica-Bold")
      .fillColor("#b00020")
      .text("VOIDED", 350, 125, { align: "right" })
      .fillColor("black")
  }

  doc.font("Helvetica-Bold").text("Credit to", 50, 140)
  doc
    .font("Helvetica")
    .text([customer.name, customer.email, ...(customer.address ?? [])].filter(Boolean).join("\n"), 50, 155)
  doc.font("Helvetica-Bold").text("Reason", 50, 215)
  doc.font("Helvetica").text(memo.reason, 50, 230, { width: 495 })

  let y = 270
  const columns = [
    { header: "Description", x: 50, width: 255, align: "left" as const },
    { header: "Kind", x: 305, width: 70, align: "left" as const },
    { header: "Amount", x: 375, width: 85, align: "right" as const },
    { header: "Tax", x: 460, width: 85, align: "right" as const },
  ]
  doc.font("Helvetica-Bold")
  for (const c of columns) {
    doc.text(c.header, c.x, y, { width: c.width, align: c.align })
  }
  y += 16
  doc
    .moveTo(50, y - 3)
    .lineTo(545, y - 3)
    .lineWidth(0.5)
    .stroke()
  doc.font("Helvetica")
  for (const line of memo.lines) {
    if (y > 720) {
      doc.addPage()
      y = 50
    }
    const cells = [
      line.description,
      line.kind,
      formatAmount(line.amount, currency),
      formatAmount(line.tax_amount, currency),
    ]
    columns.forEach((c, i) =>
      doc.text(cells[i], c.x, y, { width: c.width, align: c.align, lineBreak: false, ellipsis: true })
    )
    y += 16
  }
  y += 10
  const totals: [string, MoneyLike][] = [
    ["Subtotal", memo.subtotal],
    ["Tax", memo.tax_total],
    ["Total credit", memo.total],
  ]
  if (memo.remaining_amount !== null) {
    totals.push(["Remaining", memo.remaining_amount])
  }
  for (const [label, value] of totals) {
    doc.font(label === "Total credit" ? "Helvetica-Bold" : "Helvetica")
    doc.text(label, 305, y, { width: 120, align: "left" })
    doc.text(money(value), 425, y, { width: 120, align: "right" })
    y += 16
  }
  doc.font("Helvetica").fontSize(8).fillColor("#555555")
  doc.text("This credit can be applied to open orders or refunded.", 50, 770, { width: 495, align: "center" })

  return new Promise((resolve, reject) => {
    doc.on("end", () => resolve())
    doc.on("error", reject)
    doc.end()
  })
}
