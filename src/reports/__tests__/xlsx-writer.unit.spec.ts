import ExcelJS from "exceljs"
import { PassThrough } from "stream"
import type { ReportMeta } from "../writers/columns"
import { XlsxReportWriter } from "../writers/xlsx-writer"

const meta: ReportMeta = {
  title: "Test report",
  subtitle: [],
  currencyKey: "currency_code",
  columns: [
    { key: "customer", header: "Customer", width: 120 },
    { key: "days", header: "Days", type: "number" },
    { key: "amount", header: "Amount", type: "money" },
    { key: "currency_code", header: "Cur." },
  ],
}

/** Writes with `write`, then reads the file back the way a spreadsheet user's tools would (exceljs). */
async function roundTrip(write: (w: XlsxReportWriter) => Promise<void>) {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on("data", (c) => chunks.push(c))
  const writer = new XlsxReportWriter(out, meta)
  await write(writer)
  const bytes = Buffer.concat(chunks)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as any)
  return { bytes, book }
}

describe("XlsxReportWriter (streamed SpreadsheetML)", () => {
  it("writes a sheet per section with a frozen bold header, typed cells and the currency's format", async () => {
    const { bytes, book } = await roundTrip(async (w) => {
      await w.section("USD")
      await w.row({ customer: "Ann & <Co>", days: 12, amount: "1234.5", currency_code: "usd" })
      await w.row({ customer: '=HYPERLINK("x")', days: "", amount: "-0.015", currency_code: "usd" })
      await w.total({ customer: "Total USD", amount: "1234.485", currency_code: "usd" })
      await w.section("JPY")
      await w.row({ customer: "Bo\u0001b", days: 1, amount: "1500", currency_code: "jpy" })
      await w.row({ customer: "  edge spaces ", days: 2, amount: "1", currency_code: "jpy" })
      await w.section("USD") // a second section of the same name gets a sheet of its own
      await w.end()
    })
    expect(bytes.subarray(0, 2).toString()).toBe("PK")
    expect(book.worksheets.map((s) => s.name)).toEqual(["USD", "JPY", "USD 2"])

    const usd = book.worksheets[0]
    expect((usd.views[0] as any).state).toBe("frozen")
    expect(usd.getRow(1).values).toEqual([undefined, "Customer", "Days", "Amount", "Cur."])
    expect(usd.getRow(1).getCell(1).font?.bold).toBe(true)
    expect(usd.getColumn(1).width).toBe(20)
    expect(usd.getRow(2).values).toEqual([undefined, "Ann & <Co>", 12, 1234.5, "usd"])
    expect(usd.getRow(2).getCell(3).numFmt).toBe('#,##0.00 "USD";(#,##0.00) "USD"')
    // Formula-like text stays text (apostrophe); an empty value is no cell; money rounded half away from zero.
    expect(usd.getRow(3).values).toEqual([undefined, '\'=HYPERLINK("x")', undefined, -0.02, "usd"])
    expect(usd.getRow(4).values).toEqual([undefined, "Total USD", undefined, 1234.49, "usd"])
    expect(usd.getRow(4).getCell(3).font?.bold).toBe(true)

    const jpy = book.worksheets[1]
    expect(jpy.getRow(2).values).toEqual([undefined, "Bob", 1, 1500, "jpy"])
    expect(jpy.getRow(2).getCell(3).numFmt).toBe('#,##0 "JPY";(#,##0) "JPY"')
    expect(jpy.getRow(3).getCell(1).value).toBe("  edge spaces ")
    expect(book.worksheets[2].rowCount).toBe(1)
  })

  it("streams a long report in order, and a report without rows is its header", async () => {
    const { book } = await roundTrip(async (w) => {
      for (let i = 0; i < 20_000; i++) {
        await w.row({ customer: `Customer ${i}`, days: i, amount: "1.01", currency_code: "usd" })
      }
      await w.end()
    })
    const sheet = book.worksheets[0]
    expect(sheet.name).toBe("Test report")
    expect(sheet.rowCount).toBe(20_001)
    expect(sheet.getRow(20_001).values).toEqual([undefined, "Customer 19999", 19999, 1.01, "usd"])

    const empty = await roundTrip((w) => w.end())
    expect(empty.book.worksheets[0].rowCount).toBe(1)
  })
})
