import {
  assertReasonCode,
  DEFAULT_REASON_CODES,
  droppedReasonCodes,
  reasonLabel,
  resolveReasonCodes,
} from "../reason-codes"

const settings = resolveReasonCodes({
  credit_memo: {
    required: true,
    codes: [
      { code: "damaged", label: "Damaged goods", active: true },
      { code: "old_code", label: "Old code", active: false },
    ],
  },
})

describe("reason codes", () => {
  it("accepts an active code of the type's list", () => {
    expect(assertReasonCode(settings, "credit_memo", "damaged")).toBe("damaged")
  })

  it("refuses an unknown or inactive code with UNKNOWN_REASON_CODE", () => {
    expect(() => assertReasonCode(settings, "credit_memo", "nope")).toThrow(
      expect.objectContaining({ code: "UNKNOWN_REASON_CODE" })
    )
    expect(() => assertReasonCode(settings, "credit_memo", "old_code")).toThrow(/no longer active/)
    // A write-off code is not a memo code.
    expect(() => assertReasonCode(settings, "credit_memo", "small_balance")).toThrow(/not a reason code/)
  })

  it("refuses a missing code only where the type requires one", () => {
    expect(() => assertReasonCode(settings, "credit_memo", undefined)).toThrow(
      expect.objectContaining({ code: "REASON_CODE_REQUIRED" })
    )
    expect(assertReasonCode(settings, "customer_refund", null)).toBeNull()
  })

  it("keeps the defaults for types never edited, none required", () => {
    const defaults = resolveReasonCodes(null)
    expect(defaults).toEqual(DEFAULT_REASON_CODES)
    expect(Object.values(defaults).every((t) => !t.required)).toBe(true)
    expect(settings.write_off.codes.map((c) => c.code)).toContain("bad_debt")
  })

  it("labels a stored code, even one that has left the list", () => {
    expect(reasonLabel(settings, "credit_memo", "damaged")).toBe("Damaged goods")
    expect(reasonLabel(settings, "credit_memo", "gone")).toBe("gone")
    expect(reasonLabel(settings, "credit_memo", null)).toBeNull()
  })

  it("names the codes a settings edit would drop", () => {
    const current = DEFAULT_REASON_CODES.credit_memo.codes
    expect(droppedReasonCodes(current, current.filter((c) => c.code !== "other"))).toEqual(["other"])
    expect(droppedReasonCodes(current, [...current, { code: "new", label: "New", active: true }])).toEqual([])
  })
})
