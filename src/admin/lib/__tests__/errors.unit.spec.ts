/// <reference types="jest" />
import { AccountingApiError } from "../../../sdk/accounting-client"
import { parseBuckets } from "../buckets"
import { describeError, plainWords } from "../errors"

describe("refusals in plain words, on their fields", () => {
  it("puts each validation issue on its field, said plainly", () => {
    const error = new AccountingApiError(
      "Invalid request: lines.0.amount: has 3 decimals; USD allows 2; reason: is required",
      400,
      "INVALID_DATA"
    )
    expect(describeError(error)).toEqual({
      message: "Check the fields marked below.",
      fields: { "lines.0.amount": "USD amounts have at most 2 decimals", reason: "Required" },
      code: "INVALID_DATA",
      status: 400,
    })
  })

  it("puts a business refusal on the field the form names for its code, else beside the action", () => {
    const closed = new AccountingApiError("2026-01-05 falls in the closed period 2026-01; reopen it", 409, "PERIOD_CLOSED")
    expect(describeError(closed, { PERIOD_CLOSED: "date" }).fields).toEqual({
      date: "2026-01-05 falls in the closed period 2026-01; reopen it",
    })
    const spent = new AccountingApiError("The store credit was already spent", 409, "STORE_CREDIT_SPENT")
    expect(describeError(spent, { PERIOD_CLOSED: "date" })).toMatchObject({
      message: "The store credit was already spent",
      fields: {},
    })
  })

  it("says a network failure plainly", () => {
    expect(describeError(new TypeError("Failed to fetch")).message).toMatch(/could not be reached/)
    expect(plainWords("must be a date formatted YYYY-MM-DD (years 1900-2999)")).toBe("Enter a date")
  })
})

describe("aging buckets as typed", () => {
  it("accepts whole, increasing day counts only", () => {
    expect(parseBuckets("30, 60,90")).toEqual({ value: "30,60,90" })
    expect(parseBuckets("30, 6x").error).toMatch(/day counts/)
    expect(parseBuckets("30,").error).toMatch(/day counts/)
    expect(parseBuckets("60, 30").error).toBe("Each bucket must be longer than the one before")
  })
})
