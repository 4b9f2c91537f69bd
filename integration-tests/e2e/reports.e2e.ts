import { boxesOutside, overlappingBoxes, readPdfPages } from "../../src/reports/__tests__/pdf-text-boxes"
import { parseCsv, readXlsx } from "../helpers/files"
import { AdminSession, api, closeAdmin, download, fieldError, goto, openAdmin, shot } from "./helpers/admin-page"

jest.setTimeout(240_000)

const REPORTS = [
  { name: "ar-aging", tab: "aging", period: false },
  { name: "refund-audit", tab: "audit", period: true },
  { name: "reconciliation", tab: "reconciliation", period: false },
  { name: "trial-balance", tab: "trial-balance", period: false },
  { name: "general-ledger", tab: "general-ledger", period: true },
] as const

/**
 * Accounting → Reports: each report on screen, then downloaded as CSV
 * (parsed), XLSX (read back) and PDF (rendered page by page: no overlapping
 * text, nothing off the page, the table starting on page 1); the aging's
 * buckets wait for a complete entry before asking the server.
 */
describe("reports", () => {
  let s: AdminSession
  const from = new Date(Date.now() - 130 * 86_400_000).toISOString().slice(0, 10)

  beforeAll(async () => {
    s = await openAdmin()
  })
  afterAll(() => closeAdmin(s))

  it("shows the aging and asks the server only for complete bucket lists", async () => {
    const asked: string[] = []
    s.page.on("request", (r) => {
      if (r.url().includes("/reports/ar-aging")) {
        asked.push(new URL(r.url()).searchParams.get("buckets") ?? "")
      }
    })
    await goto(s.page, "/accounting/reports?report=aging")
    await s.page.getByTestId("aging-bars").first().waitFor({ timeout: 60_000 })
    await s.page.getByTestId("report-row").first().waitFor()
    await shot(s.page, "reports-aging")

    const field = s.page.getByTestId("aging-buckets")
    await field.fill("")
    await field.pressSequentially("15, 45, 75", { delay: 60 })
    await s.page.getByText("16-45").first().waitFor()
    expect(asked.filter((b) => b !== "30,60,90")).toEqual(["15,45,75"])

    await field.fill("15, 4x")
    expect(await fieldError(s.page, "Buckets (days)")).toBe("Enter day counts separated by commas, e.g. 30, 60, 90")
    await field.fill("60, 30")
    expect(await fieldError(s.page, "Buckets (days)")).toBe("Each bucket must be longer than the one before")
    expect(asked.filter((b) => b !== "30,60,90")).toEqual(["15,45,75"])
  })

  it.each(REPORTS)("downloads the $name report as CSV, XLSX and PDF, each of which opens", async (report) => {
    await goto(s.page, `/accounting/reports?report=${report.tab}`)
    const section = s.page.getByTestId(`report-${report.name}`)
    if (report.period) {
      await section.getByLabel("From").fill(from)
    }
    await section
      .locator('[data-testid="report-row"], [data-testid="difference-row"], [data-testid="report-total"]')
      .first()
      .waitFor({ timeout: 60_000 })
    if (report.name === "reconciliation") {
      // Reconciled on the demo store (this file runs first); a difference would be listed row by row.
      await section.getByTestId("report-verdict").waitFor()
      await shot(s.page, "reports-reconciliation")
    }
    const today = new Date().toISOString().slice(0, 10)
    const query = report.period ? `from=${from}&to=${today}` : `as_of=${today}`
    const json = await api(s.page, `/admin/accounting/reports/${report.name}?${query}`)
    const headers: string[] = json.columns.map((c: { header: string }) => c.header)

    const csv = await download(s.page, () => section.getByTestId("download-csv").click())
    expect(csv.name).toMatch(new RegExp(`^${report.name}.*\\.csv$`))
    const cells = parseCsv(csv.data.toString("utf8"))
    const headerRow = cells.findIndex((r) => headers.every((h) => r.includes(h)))
    expect(headerRow).toBeGreaterThanOrEqual(0)
    expect(cells.length).toBeGreaterThan(headerRow + 1)

    const xlsx = await download(s.page, () => section.getByTestId("download-xlsx").click())
    const sheets = await readXlsx(xlsx.data)
    expect(sheets.length).toBeGreaterThan(0)
    const rows = sheets.flatMap((sheet) => sheet.rows)
    expect(rows.some((r: unknown[]) => headers.every((h) => r.includes(h)))).toBe(true)
    expect(rows.length).toBeGreaterThan(1)

    const pdf = await download(s.page, () => section.getByTestId("download-pdf").click())
    const pages = await readPdfPages(pdf.data)
    expect(pages.length).toBeGreaterThan(0)
    for (const page of pages) {
      expect({ page: page.number, overlaps: overlappingBoxes(page.boxes).map(([a, b]) => [a.text, b.text]) }).toEqual(
        { page: page.number, overlaps: [] }
      )
      expect({ page: page.number, outside: boxesOutside(page).map((b) => b.text) }).toEqual({
        page: page.number,
        outside: [],
      })
    }
    // The table starts on page 1: its column headers are there.
    const first = pages[0].boxes.map((b) => b.text.trim())
    expect(first).toEqual(expect.arrayContaining([headers[0]]))
  })
})
