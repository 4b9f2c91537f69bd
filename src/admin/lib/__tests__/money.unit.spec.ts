/// <reference types="jest" />
import { currencyDecimals, formatMoney, parseAmount, sumMoney, toDecimal, toInputAmount } from "../money"

describe("admin money helper", () => {
  it("reads numbers and decimal strings as the same exact decimal", () => {
    expect(toDecimal(10.5).eq(toDecimal("10.50"))).toBe(true)
    expect(toDecimal(null).isZero()).toBe(true)
    expect(toDecimal("not money").isZero()).toBe(true)
  })

  it("sums amounts exactly, whatever form they come in", () => {
    expect(sumMoney([0.1, "0.2"]).toString()).toBe("0.3")
    expect(sumMoney(["1000000000000.01", 0.02, null]).toString()).toBe("1000000000000.03")
  })

  it("never shows minus zero, and rounds once to the currency's digits", () => {
    expect(formatMoney("-0.001", "usd")).toBe(formatMoney(0, "usd"))
    expect(formatMoney("-0", "usd")).not.toContain("-")
    expect(formatMoney("12.345", "kwd")).toContain("12.345")
    expect(currencyDecimals("jpy")).toBe(0)
    expect(toInputAmount(12.5, "usd")).toBe("12.50")
    expect(formatMoney(null, "usd")).toBe("–")
  })

  it("checks a typed amount the way the API will, in plain words", () => {
    expect(parseAmount("", "usd").error).toBe("Enter an amount")
    expect(parseAmount("12,50", "usd").error).toMatch(/like 12.50/)
    expect(parseAmount("1.234", "usd").error).toBe("USD amounts have at most 2 decimals")
    expect(parseAmount("1.5", "jpy").error).toBe("JPY amounts have no decimals")
    expect(parseAmount("0", "usd").error).toBe("Enter an amount above 0")
    expect(parseAmount("0", "usd", { allowZero: true }).amount?.toString()).toBe("0")
    expect(parseAmount(" 40.10 ", "usd").amount?.toString()).toBe("40.1")
  })
})
