import { assertApplicationWithinOpen } from "../application-limit"

const codeOf = (fn: () => void) => {
  try {
    fn()
    return null
  } catch (e: any) {
    return e.code
  }
}

describe("an application cannot exceed what is open", () => {
  it("refuses an application above the credit available", () => {
    expect(codeOf(() => assertApplicationWithinOpen({ amount: "50.01", credit_available: "50", debit_open: "100" }))).toBe(
      "APPLICATION_EXCEEDS_OPEN"
    )
  })

  it("refuses an application above what the document still owes", () => {
    expect(codeOf(() => assertApplicationWithinOpen({ amount: "30", credit_available: "50", debit_open: "29.99" }))).toBe(
      "APPLICATION_EXCEEDS_OPEN"
    )
  })

  it("refuses a zero or negative application", () => {
    expect(codeOf(() => assertApplicationWithinOpen({ amount: "0", credit_available: "5", debit_open: "5" }))).toBe(
      "APPLICATION_EXCEEDS_OPEN"
    )
  })

  it("accepts exactly what is open on both sides", () => {
    expect(codeOf(() => assertApplicationWithinOpen({ amount: "29.99", credit_available: "29.99", debit_open: "29.99" }))).toBe(null)
  })
})
