import { assertAtPrecision, currencyPrecision, roundMoney, sumMoney, toDecimal } from "../money"
import { assertBalanced } from "../balance"

describe("money", () => {
  it("knows the precision of JPY, USD and KWD", () => {
    expect([currencyPrecision("jpy"), currencyPrecision("USD"), currencyPrecision("kwd")]).toEqual([0, 2, 3])
    expect(() => currencyPrecision("xyz")).toThrow(/Unknown currency/)
  })

  it("rounds half up once, at the currency's precision", () => {
    expect(roundMoney("10.005", "usd").toString()).toBe("10.01")
    expect(roundMoney("10.0049", "usd").toString()).toBe("10")
    expect(roundMoney("1000.5", "jpy").toString()).toBe("1001")
    expect(roundMoney("1.2345", "kwd").toString()).toBe("1.235")
  })

  it("adds without float artefacts", () => {
    expect(sumMoney(["0.1", "0.2"]).toString()).toBe("0.3")
    expect(sumMoney([0.1, 0.2]).toString()).toBe("0.3")
    expect(toDecimal({ value: "123456789012.34" }).plus("0.01").toString()).toBe("123456789012.35")
  })

  it("refuses amounts finer than the currency", () => {
    expect(() => assertAtPrecision("0.001", "usd")).toThrow(
      expect.objectContaining({ code: "PRECISION_EXCEEDED" })
    )
    expect(assertAtPrecision("0.001", "kwd").toString()).toBe("0.001")
  })
})

describe("balance", () => {
  it("accepts exactly balanced entries and names the difference otherwise", () => {
    expect(assertBalanced([{ debit: "0.1" }, { debit: "0.2" }, { credit: "0.3" }], "usd").toString()).toBe(
      "0.3"
    )
    expect(() => assertBalanced([{ debit: "10" }, { credit: "9.99" }], "usd")).toThrow(/differ by 0.01 USD/)
  })
})
