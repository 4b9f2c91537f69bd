import { accountingDay, assertNotInFuture, isTimeZone } from "../dates"

describe("accounting days", () => {
  it("dates a New York order placed at 19:30 on 31 January in January", () => {
    // 19:30 EST is 00:30 UTC on 1 February.
    expect(accountingDay("2026-02-01T00:30:00Z", "America/New_York")).toBe("2026-01-31")
    expect(accountingDay("2026-02-01T00:30:00Z", "UTC")).toBe("2026-02-01")
    expect(accountingDay("2026-01-31T15:30:00Z", "Asia/Tokyo")).toBe("2026-02-01")
  })

  it("knows a time zone from a typo", () => {
    expect(isTimeZone("Europe/Paris")).toBe(true)
    expect(isTimeZone("Europe/Pariss")).toBe(false)
  })

  it("refuses a date after today unless the store allows it", () => {
    const clock = { today: "2026-06-30", timezone: "UTC", allow_future_dates: false }
    expect(() => assertNotInFuture("2026-06-30", clock)).not.toThrow()
    expect(() => assertNotInFuture("2026-07-01", clock)).toThrow(expect.objectContaining({ code: "DATE_IN_FUTURE" }))
    expect(() => assertNotInFuture("2026-07-01", { ...clock, allow_future_dates: true })).not.toThrow()
  })
})
