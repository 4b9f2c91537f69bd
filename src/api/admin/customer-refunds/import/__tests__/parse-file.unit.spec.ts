import { MedusaError } from "@medusajs/framework/utils"
import { parseImportFile } from "../parse-file"

const HEADER =
  "refund_ref,customer_id,currency_code,refund_date,method,reference,source_type,source_id,amount"
const row = (ref: string, amount: string, source = "cmemo_1") =>
  `${ref},cus_1,usd,2026-11-20,check,CHK-${ref},credit_memo,${source},${amount}`
const file = (...lines: string[]) => [HEADER, ...lines].join("\n")

/** The 400 a whole-file problem becomes. */
const refusal = (content: string) => {
  try {
    parseImportFile(content)
  } catch (e) {
    return e as MedusaError
  }
  throw new Error("the file was accepted")
}

describe("parseImportFile", () => {
  it("reads rows sharing a refund_ref into one refund with exact decimal amounts", () => {
    const parsed = parseImportFile(
      file(row("A", "0.10"), row("A", "99999999999.99", "cmemo_2"), row("B", "20"))
    )
    expect(parsed.errors).toEqual([])
    expect(parsed.groups.map((g) => [g.rows, g.input.reference, g.input.lines.map((l) => l.amount)])).toEqual(
      [
        [[2, 3], "CHK-A", ["0.1", "99999999999.99"]],
        [[4], "CHK-B", ["20"]],
      ]
    )
  })

  it("reports an unquoted 1,000.00 as an extra cell on its line", () => {
    const parsed = parseImportFile(file(row("A", "10"), row("B", "1,000.00"), row("C", "20")))
    expect(parsed.errors).toEqual([
      {
        row: 3,
        field: "amount",
        message:
          "line 3: 10 cells, the header has 9: amount 1,000.00 was split at its comma; " +
          "write amounts without thousands separators (1000.00)",
      },
    ])
    // The good rows are still read, for ?partial=true.
    expect(parsed.groups.map((g) => g.input.reference)).toEqual(["CHK-A", "CHK-C"])
  })

  it("reports an unquoted 1,234,567.89 as one amount on its line", () => {
    const [error] = parseImportFile(file(row("A", "1,234,567.89"))).errors
    expect(error).toMatchObject({ row: 2, field: "amount", message: expect.stringContaining("(1234567.89)") })
  })

  it("refuses a quoted 1,000.00 through the money rule, naming the amount", () => {
    expect(parseImportFile(file(row("A", '"1,000.00"'))).errors).toEqual([
      {
        row: 2,
        field: "amount",
        message: 'line 2: amount: must be a decimal amount like 12.34 (got "1,000.00")',
      },
    ])
  })

  it("reports a broken quote on its line and reads the lines after it", () => {
    const parsed = parseImportFile(file(row("A", "10"), row('"B"x', "5"), row("C", "20")))
    expect(parsed.errors).toEqual([
      {
        row: 3,
        field: "refund_ref",
        message: expect.stringMatching(/^line 3: a quote in the middle of a value/),
      },
    ])
    expect(parsed.groups.map((g) => g.rows)).toEqual([[2], [4]])
  })

  it("reports a quote that is never closed on the line it opens", () => {
    const parsed = parseImportFile(file(row("A", "10"), row("B", '"5'), row("C", "20")))
    expect(parsed.errors).toEqual([
      {
        row: 3,
        field: "amount",
        message: "line 3: a quote opens in amount and is never closed; close it or remove it",
      },
    ])
    expect(parsed.groups.map((g) => g.rows)).toEqual([[2], [4]])
  })

  it("reports a missing cell on its line", () => {
    const parsed = parseImportFile(
      file(row("A", "10"), "B,cus_1,usd,2026-11-20,check,CHK-B,credit_memo,cmemo_1")
    )
    expect(parsed.errors).toEqual([
      { row: 3, field: "row", message: "line 3: 8 cells, the header has 9; a value or a comma is missing" },
    ])
  })

  it("refuses a file without a required column", () => {
    const error = refusal("refund_ref,customer_id,amount\nA,cus_1,10")
    expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(error.message).toBe(
      "Invalid request: file: missing column(s) currency_code, refund_date, method, source_type, source_id"
    )
  })

  it("ignores a byte order mark and the case and spaces of the header", () => {
    const parsed = parseImportFile(
      "\uFEFF" + file(row("A", "10")).replace("refund_ref,", " Refund_Ref ,") + "\r\n"
    )
    expect(parsed.errors).toEqual([])
    expect(parsed.groups[0].input).toMatchObject({ customer_id: "cus_1", lines: [{ amount: "10" }] })
  })

  it("keeps a newline inside a quoted value and numbers the later lines as the file does", () => {
    const memo = "refund_ref,customer_id,currency_code,refund_date,method,memo,source_type,source_id,amount"
    const parsed = parseImportFile(
      [
        memo,
        'A,cus_1,usd,2026-11-20,check,"two\nlines, one memo",credit_memo,cmemo_1,10',
        "",
        row("B", "x"),
      ].join("\n")
    )
    expect(parsed.groups[0].input.memo).toBe("two\nlines, one memo")
    expect(parsed.errors).toEqual([
      { row: 5, field: "amount", message: expect.stringMatching(/^line 5: amount:/) },
    ])
  })

  it("skips blank lines and rows of bare commas", () => {
    const parsed = parseImportFile(file("", row("A", "10"), ",,,,,,,,", ""))
    expect(parsed).toMatchObject({ errors: [], groups: [{ rows: [3] }] })
  })

  it("reports rows of one refund that disagree on its header", () => {
    const parsed = parseImportFile(file(row("A", "10"), row("A", "5").replace("usd", "eur")))
    expect(parsed.errors).toEqual([
      { row: 3, field: "currency_code", message: "line 3: currency_code differs from line 2 of refund A" },
    ])
  })

  it("refuses a file that is not CSV text", () => {
    expect(refusal("PK\u0003\u0004\u0000\u0000binary").message).toBe(
      "Invalid request: file: this is not CSV text (it holds NUL bytes: a binary or UTF-16 file); save it as CSV UTF-8"
    )
    expect(refusal("").message).toBe("Invalid request: file: the file is empty")
    expect(refusal(file()).message).toBe("Invalid request: file: expected 1 to 5000 rows, got 0")
  })

  it("refuses a header naming a column twice", () => {
    expect(refusal(HEADER + ",amount\n").message).toBe(
      'Invalid request: file: line 1: the column "amount" appears twice'
    )
  })

  it("refuses a file whose lines are mostly unreadable", () => {
    const lines = Array.from({ length: 150 }, (_, i) => `${i},only,three`)
    expect(refusal(file(...lines)).message).toMatch(
      /^Invalid request: file: more than 100 lines cannot be read/
    )
  })
})
