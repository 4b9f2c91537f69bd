import { writeCreditMemoPdf, CreditMemoPdfInput } from "../credit-memo-pdf"
import { arAgingReport } from "../definitions/ar-aging"
import { generalLedgerReport } from "../definitions/general-ledger"
import { reconciliationReport } from "../definitions/reconciliation"
import { refundAuditReport } from "../definitions/refund-audit"
import { trialBalanceReport } from "../definitions/trial-balance"
import type { ReportColumn, ReportMeta, ReportRow } from "../writers/columns"
import { PdfReportWriter } from "../writers/pdf-writer"
import {
  boxesOutside,
  collectOutput,
  overlappingBoxes,
  PdfPage,
  printedPageNumbers,
  readPdfPages,
  TextBox,
} from "./pdf-text-boxes"

// Texts that used to run into the next row or column: many words, one
// unbreakable id, and an embedded line break.
const LONG_WORDS =
  "Northwind Traders International Holdings (Europe, Middle East and Africa) - wholesale refunds and chargebacks account, see the settlement notes attached to the customer file"
const LONG_ID = "cus_01HZX8Q4K9ZC7M5T2W3Y6R8P0N1B4V7D9F2G5H8J0K3L6"
const MULTI_LINE =
  "Reversal of the duplicated capture\nrequested by finance on the second call\nagreed by the customer"

/** Row i of a synthetic report: short texts on row 0, long ones after; amounts as decimal strings. */
function syntheticRow(columns: ReportColumn[], i: number, currency: string): ReportRow {
  const row: ReportRow = { currency_code: currency }
  columns.forEach((c, k) => {
    if (c.key === "currency_code") {
      return
    }
    if (c.type === "money") {
      const whole = (i * 7919 + k * 104729) % 100_000_000
      row[c.key] = `${(i + k) % 5 === 0 ? "-" : ""}${whole}.${String((i * 13 + k) % 100).padStart(2, "0")}`
    } else if (c.type === "number") {
      row[c.key] = String((i * 37) % 400)
    } else if (c.type === "date") {
      row[c.key] = `2024-05-${String(1 + (i % 28)).padStart(2, "0")}`
    } else {
      row[c.key] =
        i === 0
          ? `${c.header} ${i + 1}`
          : [LONG_WORDS, LONG_ID, MULTI_LINE, `${c.header} ${i + 1}`][(i + k) % 4]
    }
  })
  return row
}

function totalRow(columns: ReportColumn[], label: string, currency: string): ReportRow {
  return { ...syntheticRow(columns, 17, currency), [columns[0].key]: label }
}

type Block = { section?: string; currency: string; rows: number; totals?: string[] }

/** Drives the real PDF writer the way a definition's run() does: sections, rows, totals. */
async function renderReport(meta: ReportMeta, blocks: Block[]) {
  const { out, done } = collectOutput()
  const writer = new PdfReportWriter(out, meta)
  let firstCell: string | null = null
  let i = 0
  for (const block of blocks) {
    if (block.section) {
      await writer.section(block.section)
    }
    for (let n = 0; n < block.rows; n++) {
      const row = syntheticRow(meta.columns, i++, block.currency)
      firstCell ??= String(row[meta.columns[0].key])
      await writer.row(row)
    }
    for (const label of block.totals ?? []) {
      firstCell ??= label
      await writer.total(totalRow(meta.columns, label, block.currency))
    }
  }
  await writer.end()
  return { pdf: await done, firstCell: firstCell! }
}

const describeBox = (b: TextBox) =>
  `"${b.text}" @ ${b.x0.toFixed(1)},${b.y0.toFixed(1)}-${b.x1.toFixed(1)},${b.y1.toFixed(1)}`

/** Page by page: title and first row on page 1, right page number, header, no overlap, nothing off the page. */
async function expectCleanLayout(pdf: Buffer, title: string, firstCell: string, header: string) {
  const pages = await readPdfPages(pdf)
  const texts = (page: PdfPage) => page.boxes.map((b) => b.text)
  expect(pages.length).toBeGreaterThanOrEqual(3)
  expect(texts(pages[0])).toEqual(expect.arrayContaining([title, firstCell]))
  for (const page of pages) {
    const n = page.number
    expect({ page: n, printed: printedPageNumbers(page) }).toEqual({ page: n, printed: [n] })
    expect({ page: n, header: texts(page).includes(header) }).toEqual({ page: n, header: true })
    expect({ page: n, overlaps: overlappingBoxes(page.boxes).map((p) => p.map(describeBox)) }).toEqual({
      page: n,
      overlaps: [],
    })
    expect({ page: n, outside: boxesOutside(page).map(describeBox) }).toEqual({ page: n, outside: [] })
  }
}

const agingTotals = [
  "Total USD - all customers of every region and sales channel",
  "AR control (GL)",
  "Difference",
]

const cases: { name: string; meta: ReportMeta; blocks: Block[] }[] = [
  {
    name: "AR aging summary",
    meta: arAgingReport.meta({ as_of: "2024-06-30", basis: "due", buckets: [30, 60, 90], detail: false }),
    blocks: [
      { section: "USD", currency: "usd", rows: 70, totals: agingTotals },
      { section: "KWD", currency: "kwd", rows: 40, totals: agingTotals },
    ],
  },
  {
    name: "AR aging detail",
    meta: arAgingReport.meta({
      as_of: "2024-06-30",
      basis: "document",
      buckets: [30, 60, 90, 120],
      detail: true,
    }),
    blocks: [
      { section: "USD", currency: "usd", rows: 70, totals: agingTotals },
      { section: "JPY", currency: "jpy", rows: 40, totals: agingTotals },
    ],
  },
  {
    name: "refund audit",
    meta: refundAuditReport.meta({ from: "2024-05-01", to: "2024-05-31" }),
    blocks: [{ section: "Credit memos and refunds", currency: "usd", rows: 90 }],
  },
  {
    name: "reconciliation",
    meta: reconciliationReport.meta({ as_of: "2024-06-30" }),
    blocks: [
      { section: "AR subledger vs AR control", currency: "usd", rows: 0, totals: ["AR totals", "AR totals"] },
      { currency: "usd", rows: 40 },
      {
        section: "Medusa captures and refunds vs journal",
        currency: "eur",
        rows: 40,
        totals: ["Net captured - refunded"],
      },
      {
        section: "Store credit vs Customer Deposits",
        currency: "eur",
        rows: 30,
        totals: ["Store credit totals"],
      },
      { section: "Journal integrity", currency: "usd", rows: 0, totals: ["Hash chain"] },
      { section: "Result", currency: "usd", rows: 0, totals: ["NOT RECONCILED"] },
    ],
  },
  {
    name: "trial balance",
    meta: trialBalanceReport.meta({ as_of: "2024-06-30" }),
    blocks: [
      { section: "USD", currency: "usd", rows: 90, totals: ["Total"] },
      { section: "EUR", currency: "eur", rows: 60, totals: ["Total"] },
    ],
  },
  {
    name: "general ledger",
    meta: generalLedgerReport.meta({ from: "2024-05-01", to: "2024-05-31" }),
    blocks: [
      {
        section: "USD",
        currency: "usd",
        rows: 30,
        totals: ["1100 Accounts receivable - trade debtors closing"],
      },
      { currency: "usd", rows: 30, totals: ["2100 Customer deposits and store credit liability closing"] },
      { section: "EUR", currency: "eur", rows: 40, totals: ["4000 Sales closing"] },
    ],
  },
]

describe("report PDF layout", () => {
  it("finds text boxes that overlap and lets touching ones be", () => {
    const box = (text: string, x0: number, y0: number) => ({ text, x0, y0, x1: x0 + 10, y1: y0 + 8 })
    const [a, b, c, d] = [box("a", 0, 0), box("b", 9, -4), box("c", 10, 0), box("d", 0, 8)]
    expect(overlappingBoxes([a, b, c, d])).toEqual([
      [a, b],
      [b, c],
    ])
  })

  it.each(cases)(
    "prints the $name with the table on page 1, true page numbers and no overlapping text",
    async ({ meta, blocks }) => {
      const { pdf, firstCell } = await renderReport(meta, blocks)
      await expectCleanLayout(pdf, meta.title, firstCell, meta.columns[0].header)
    }
  )

  it("prints a long credit memo with the lines on page 1, true page numbers and no overlapping text", async () => {
    const input: CreditMemoPdfInput = {
      store_name: "The Very Long Store Name of Northwind Traders International Holdings Europe",
      customer: {
        name: LONG_WORDS,
        email: "accounts.payable.department@northwind-traders-international.example.com",
        address: [
          "Building 7, Floor 3",
          "1200 Long Industrial Park Road",
          "Suite 400",
          "Springfield 12345",
          "United States",
        ],
      },
      memo: {
        number: "CM-2024-000123",
        status: "voided",
        memo_date: "2024-05-15",
        reason: `${LONG_WORDS}. ${LONG_WORDS}. ${MULTI_LINE}`,
        reason_label: "Damaged goods",
        currency_code: "usd",
        order_display: "#100234 placed through the wholesale sales channel of the European region",
        subtotal: "123456789.10",
        tax_total: "9876543.21",
        total: "133333332.31",
        remaining_amount: "100000000.00",
        lines: Array.from({ length: 110 }, (_, i) => ({
          kind: i % 3 ? "item" : "shipping adjustment",
          description: i === 0 ? "Line 1" : [LONG_WORDS, LONG_ID, MULTI_LINE, `Line ${i + 1}`][i % 4],
          amount: `${(i * 7919) % 10_000_000}.${String(i % 100).padStart(2, "0")}`,
          tax_amount: `${(i * 104729) % 1_000_000}.05`,
        })),
      },
    }
    const { out, done } = collectOutput()
    await writeCreditMemoPdf(out, input)
    await expectCleanLayout(await done, "CREDIT MEMO", "Line 1", "Description")
  })
})
