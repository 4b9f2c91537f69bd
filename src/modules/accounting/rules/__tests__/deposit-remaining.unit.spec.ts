import { assertDepositMethod, assertWithinDeposit, depositRemaining, depositStatus } from "../deposit-remaining"

const codeOf = (fn: () => void) => {
  try {
    fn()
    return null
  } catch (e: any) {
    return e.code
  }
}
const deposit = (amount: string, applied_amount = "0", refunded_amount = "0") => ({
  amount,
  applied_amount,
  refunded_amount,
})

describe("a deposit is consumed at most once", () => {
  it("keeps what is neither applied nor refunded, exactly", () => {
    expect(depositRemaining(deposit("100.10", "30.05", "0.05")).toString()).toBe("70")
  })

  it("is posted while something remains, applied or refunded when nothing does", () => {
    expect(depositStatus(deposit("100", "99.99"))).toBe("posted")
    expect(depositStatus(deposit("100", "100"))).toBe("applied")
    expect(depositStatus(deposit("100", "60", "40"))).toBe("refunded")
  })

  it("refuses an application above what remains", () => {
    const input = { amount: "40.01", deposit: deposit("100", "60"), deposit_name: "DEP-1", use: "application" as const }
    expect(codeOf(() => assertWithinDeposit(input))).toBe("APPLICATION_EXCEEDS_DEPOSIT")
    expect(codeOf(() => assertWithinDeposit({ ...input, amount: "40" }))).toBeNull()
  })

  it("refuses a refund above what remains, and a zero one", () => {
    const input = { amount: "0.01", deposit: deposit("10", "5", "5"), deposit_name: "DEP-1", use: "refund" as const }
    expect(codeOf(() => assertWithinDeposit(input))).toBe("REFUND_EXCEEDS_DEPOSIT")
    expect(codeOf(() => assertWithinDeposit({ ...input, amount: "0", deposit: deposit("10") }))).toBe(
      "REFUND_EXCEEDS_DEPOSIT"
    )
  })

  it("refuses to pay a deposit back by card or store credit", () => {
    expect(codeOf(() => assertDepositMethod("card", "refund"))).toBe("DEPOSIT_METHOD_NOT_SUPPORTED")
    expect(codeOf(() => assertDepositMethod("store_credit", "record"))).toBe("DEPOSIT_METHOD_NOT_SUPPORTED")
    expect(codeOf(() => assertDepositMethod("check", "refund"))).toBeNull()
    expect(codeOf(() => assertDepositMethod("card", "record"))).toBeNull()
  })
})
