/// <reference types="jest" />
import { formatThresholds, parseThresholds } from "../thresholds"

describe("approval thresholds field", () => {
  it("reads currencies and amounts, and writes them back", () => {
    expect(parseThresholds(" usd 500, EUR 250.50 ")).toEqual({ value: { usd: "500", eur: "250.50" } })
    expect(parseThresholds("")).toEqual({ value: {} })
    expect(formatThresholds({ usd: "500", jpy: "1000" })).toBe("USD 500, JPY 1000")
  })

  it("says what is wrong in plain words", () => {
    expect(parseThresholds("500").error).toBe('"500" is not a currency and an amount, like USD 500')
    expect(parseThresholds("USD 1, usd 2").error).toBe("USD is given twice")
    expect(parseThresholds("USD 1.001").error).toBe("USD: USD amounts have at most 2 decimals")
    expect(parseThresholds("JPY 10.5").error).toBe("JPY: JPY amounts have no decimals")
  })
})
