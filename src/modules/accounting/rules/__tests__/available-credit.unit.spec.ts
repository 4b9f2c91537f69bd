import { AccountingError } from "../../errors"
import { assertRefundWithinCredit, availableCredit } from "../available-credit"

const refusal = (fn: () => void) => {
  try {
    fn()
  } catch (e) {
    return e as AccountingError
  }
  throw new Error("expected a refusal")
}

describe("a refund cannot exceed the available credit", () => {
  it("refuses a refund above the available credit", () => {
    const e = refusal(() => assertRefundWithinCredit({ amount: "100.01", open: "100", name: "CM-00001" }))
    expect(e.code).toBe("REFUND_EXCEEDS_CREDIT")
    expect(e.message).toBe("100.01 is more than the 100 still available on CM-00001")
  })

  it("accepts a refund of exactly what is available", () => {
    expect(() => assertRefundWithinCredit({ amount: "60.00", open: "100", reserved: "40", name: "x" })).not.toThrow()
  })

  it("counts what refunds being posted have reserved", () => {
    const e = refusal(() => assertRefundWithinCredit({ amount: "60.01", open: "100", reserved: "40", name: "x" }))
    expect(e.code).toBe("REFUND_EXCEEDS_CREDIT")
    expect(availableCredit("100", "40").toString()).toBe("60")
  })

  it("never shows a negative availability", () => {
    expect(availableCredit("10", "25").toString()).toBe("0")
  })

  it("is exact in decimals (no float drift)", () => {
    expect(availableCredit("0.3", "0.1").toString()).toBe("0.2")
    expect(() => assertRefundWithinCredit({ amount: "0.2", open: "0.3", reserved: "0.1", name: "x" })).not.toThrow()
  })
})
