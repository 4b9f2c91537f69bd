import { moneyText, MoneyTotal } from "../money-text"

describe("money on the wire", () => {
  it("writes money as exact decimal strings at the currency's precision", () => {
    expect(moneyText("40", "usd")).toBe("40.00")
    expect(moneyText("12.3", "usd")).toBe("12.30")
    expect(moneyText("-0.5", "usd")).toBe("-0.50")
    expect(moneyText("1000", "jpy")).toBe("1000")
    expect(moneyText("1.25", "kwd")).toBe("1.250")
    expect(moneyText(10.5, "eur")).toBe("10.50")
    expect(moneyText({ value: "7.005" }, "usd")).toBe("7.01")
  })

  it("never writes a negative zero", () => {
    expect(moneyText("-0", "usd")).toBe("0.00")
    expect(moneyText("-0.00", "usd")).toBe("0.00")
    expect(moneyText("-0.001", "usd")).toBe("0.00")
  })

  it("adds a million-row column exactly, without floats", () => {
    const total = new MoneyTotal("usd")
    for (let i = 0; i < 10; i++) {
      total.add("0.1").add("0.2")
    }
    expect(total.toString()).toBe("3.00")
    expect(new MoneyTotal("usd").add("-12.34").add("2.34").toString()).toBe("-10.00")
    expect(new MoneyTotal("jpy").add("1500").add("-2000").toString()).toBe("-500")
    expect(new MoneyTotal("kwd").add("0.001").toString()).toBe("0.001")
  })
})
