import {
  AdminSession,
  api,
  apiPost,
  closeAdmin,
  fieldError,
  goto,
  openAdmin,
  row,
  rowAction,
  shot,
  successNotice,
} from "./helpers/admin-page"

jest.setTimeout(180_000)

/**
 * Accounting → Periods and Settings: create a period (an overlap refused on
 * its field), close and reopen with a reason kept in the history, and the
 * row no longer says "Closed … by" once reopened; save settings, the
 * customer group's payment terms included, and refuse bad values in place.
 */
describe("periods", () => {
  let s: AdminSession
  beforeAll(async () => {
    s = await openAdmin()
  })
  afterAll(() => closeAdmin(s))

  const open = async () => {
    await goto(s.page, "/accounting/periods")
    await row(s.page, "Closed").first().waitFor({ timeout: 60_000 })
  }

  it("creates a period and refuses an overlapping one next to its first day", async () => {
    await open()
    await shot(s.page, "periods")
    const { periods } = await api(s.page, "/admin/accounting/periods")
    const last = [...periods].sort((a: any, b: any) => b.end_date.localeCompare(a.end_date))[0]
    const next = new Date(`${last.end_date}T00:00:00Z`)
    next.setUTCDate(next.getUTCDate() + 1)
    const start = next.toISOString().slice(0, 10)
    const end = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).toISOString().slice(0, 10)

    await s.page.getByRole("button", { name: "Create" }).click()
    expect(await fieldError(s.page, "Name")).toBe("Name the period, e.g. 2026-11")
    await s.page.getByLabel("Name").fill("E2E overlap")
    await s.page.getByLabel("First day").fill(last.start_date)
    await s.page.getByLabel("Last day").fill(last.end_date)
    await s.page.getByRole("button", { name: "Create" }).click()
    expect(await fieldError(s.page, "First day")).toMatch(/overlaps the period/)

    await s.page.getByLabel("Name").fill("E2E next month")
    await s.page.getByLabel("First day").fill(start)
    await s.page.getByLabel("Last day").fill(end)
    await s.page.getByRole("button", { name: "Create" }).click()
    await successNotice(s.page, "Period E2E next month created")
    await row(s.page, "E2E next month").waitFor()
  })

  it("closes and reopens a period after asking why, and keeps both reasons in its history", async () => {
    await open()
    const period = row(s.page, "E2E next month")
    await rowAction(s.page, "Actions for period E2E next month", "Close period…")
    let drawer = s.page.getByRole("dialog")
    await drawer.getByTestId("action-confirm").click()
    expect(await fieldError(drawer, "Reason")).toBe("Say why (it is kept in the audit trail)")
    await drawer.getByTestId("action-reason").fill("E2E books final")
    await drawer.getByTestId("action-confirm").click()
    await successNotice(s.page, "Period E2E next month closed")
    await period.filter({ hasText: /Closed .* by/ }).waitFor()
    expect(await period.textContent()).toContain("E2E books final")

    await rowAction(s.page, "Actions for period E2E next month", "Reopen period…")
    drawer = s.page.getByRole("dialog")
    await drawer.getByTestId("action-reason").fill("E2E late invoice")
    await drawer.getByTestId("action-confirm").click()
    await successNotice(s.page, "Period E2E next month reopened")
    await period.filter({ hasText: /Reopened .* by/ }).waitFor()
    expect(await period.textContent()).not.toMatch(/Closed .* by/)

    await rowAction(s.page, "Actions for period E2E next month", "History")
    const history = s.page.getByTestId("period-history")
    await history.getByText("E2E late invoice").waitFor()
    const text = await history.textContent()
    expect(text!.indexOf("E2E late invoice")).toBeLessThan(text!.indexOf("E2E books final"))
    expect(text).toMatch(/Reopened .* by admin@example\.com/)
  })
})

describe("settings", () => {
  let s: AdminSession
  beforeAll(async () => {
    s = await openAdmin()
  })
  afterAll(() => closeAdmin(s))

  it("saves payment terms per customer group and refuses bad values next to their fields", async () => {
    await goto(s.page, "/accounting/settings")
    const wholesale = s.page.getByLabel("Payment terms of Wholesale (days)")
    await wholesale.waitFor({ timeout: 60_000 })
    expect(await wholesale.inputValue()).toBe("45")
    await shot(s.page, "settings")

    await s.page.getByTestId("terms-default").fill("ten")
    await wholesale.fill("60")
    await s.page.getByLabel("Aging buckets (days)").fill("30, 20")
    await s.page.getByTestId("settings-save").first().click()
    expect(await fieldError(s.page, "Default payment terms (days)")).toBe("Enter a whole number of days")
    expect(await fieldError(s.page, "Aging buckets (days)")).toBe("Each bucket must be longer than the one before")

    await s.page.getByTestId("terms-default").fill("21")
    await s.page.getByLabel("Aging buckets (days)").fill("30, 60, 90, 120")
    await s.page.getByTestId("settings-save").first().click()
    await successNotice(s.page, "Settings saved")
    const { settings } = await api(s.page, "/admin/accounting/settings")
    expect(settings.payment_terms.default_days).toBe(21)
    expect(settings.payment_terms.customer_groups).toEqual([{ customer_group_id: expect.any(String), days: 60 }])
    expect(settings.aging_buckets).toEqual([30, 60, 90, 120])

    await s.page.reload()
    await wholesale.waitFor()
    expect(await wholesale.inputValue()).toBe("60")
    expect(await s.page.getByTestId("terms-default").inputValue()).toBe("21")

    // The demo's own settings again, for the files that run after this one.
    await apiPost(s.page, "/admin/accounting/settings", {
      payment_terms: { default_days: 14, customer_groups: settings.payment_terms.customer_groups.map((g: any) => ({ ...g, days: 45 })) },
      aging_buckets: [30, 60, 90],
    })
  })
})
