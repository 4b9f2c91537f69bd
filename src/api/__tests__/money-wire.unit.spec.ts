import { moneyOnWire } from "../utils/money-wire"

describe("money on the wire", () => {
  it("writes every amount as a decimal string at its currency's precision", () => {
    const body = {
      credit_memo: {
        currency_code: "usd",
        total: 40,
        raw_total: { value: "40.005", precision: 20 },
        remaining_amount: "12.5",
        lines: [{ amount: 0.1, description: "0.1 is text here" }],
        metadata: { total: 3 },
      },
      balances: [{ currency_code: "jpy", open_balance: "1000.00" }, { currency_code: "kwd", owed: -1.25 }],
      count: 2,
    }
    expect(moneyOnWire(body)).toEqual({
      credit_memo: {
        currency_code: "usd",
        total: "40.01",
        remaining_amount: "12.50",
        lines: [{ amount: "0.10", description: "0.1 is text here" }],
        metadata: { total: 3 },
      },
      balances: [{ currency_code: "jpy", open_balance: "1000" }, { currency_code: "kwd", owed: "-1.250" }],
      count: 2,
    })
  })

  it("leaves amounts without a known currency, dates and nulls as they are", () => {
    const at = new Date("2026-01-31T00:00:00Z")
    expect(moneyOnWire({ total: 5, at, remaining_amount: null })).toEqual({ total: 5, at, remaining_amount: null })
    expect(moneyOnWire({ currency_code: "xyz", total: 5 })).toEqual({ currency_code: "xyz", total: 5 })
  })
})
