import { csvRecords, parseCsv } from "../csv"

describe("csv", () => {
  it("reads quoted commas, quotes and newlines", () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n')).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"\nthere'],
    ])
  })

  it("keys records by the header and ignores a BOM and blank lines", () => {
    expect(csvRecords("\uFEFFName, Amount\nA,1\n\nB,2\n").records).toEqual([
      { name: "A", amount: "1" },
      { name: "B", amount: "2" },
    ])
  })

  it("refuses a file that ends inside quotes", () => {
    expect(() => parseCsv('a\n"open')).toThrow(/quoted field/)
  })
})
