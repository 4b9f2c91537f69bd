import BigNumber from "bignumber.js"
import {
  AdminSession,
  api,
  apiPost,
  closeAdmin,
  fieldError,
  goto,
  openAdmin,
  row,
  shot,
  successNotice,
} from "./helpers/admin-page"

jest.setTimeout(180_000)

/** "$1,234.50" → 1234.50, exactly. */
const amountOf = (text: string) => new BigNumber(text.replace(/[^\d.-]/g, ""))

/**
 * Accounting → Journal: amounts, customers and orders by name and number;
 * filters (source from the filter menu, date in the URL, an order number
 * that finds its memos and refunds too); the entry drawer with debits first
 * and a totals row; "Reverse…" only on manual entries; the chain check.
 */
describe("journal", () => {
  let s: AdminSession
  beforeAll(async () => {
    s = await openAdmin()
  })
  afterAll(() => closeAdmin(s))

  const open = async (query = "") => {
    await goto(s.page, `/accounting/journal${query}`)
    await row(s.page, /JE-\d+/).first().waitFor({ timeout: 60_000 })
  }

  it("lists entries with their amount, customer and order, and verifies the chain", async () => {
    await open()
    const first = row(s.page, "Credit memo").first()
    const text = await first.textContent()
    expect(text).toMatch(/\$\d/)
    expect(text).not.toMatch(/cus_|order_/)
    await s.page.getByTestId("verify-journal").click()
    await s.page.getByTestId("verify-result").filter({ hasText: "Chain intact" }).waitFor()
    await shot(s.page, "journal")
  })

  it("opens an entry with debits first and a totals row, and offers no reversal for a memo's entry", async () => {
    await open()
    await row(s.page, "Credit memo").first().click()
    const drawer = s.page.getByRole("dialog")
    const lines = drawer.getByTestId("entry-line")
    await lines.first().waitFor()
    const cells = await lines.evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent ?? ""))
    )
    const isDebit = cells.map((c) => c[1] !== "")
    expect(isDebit.indexOf(false)).toBeGreaterThan(0)
    expect(isDebit.slice(isDebit.indexOf(false))).not.toContain(true)
    const totals = await drawer.getByTestId("entry-totals").locator("td").allTextContents()
    expect(totals[1]).toBe(totals[2])
    const debits = cells.filter((c) => c[1]).reduce((acc, c) => acc.plus(amountOf(c[1])), new BigNumber(0))
    expect(debits.eq(amountOf(totals[1]))).toBe(true)
    expect(await drawer.getByTestId("entry-reverse").count()).toBe(0)
    await s.page.keyboard.press("Escape")
  })

  it("filters by source from the filter menu and by date from the URL", async () => {
    await open()
    await s.page.getByTestId("filter-menu").getByRole("button").click()
    await s.page.getByRole("menuitem", { name: "Source" }).click()
    await s.page.getByRole("listitem").filter({ hasText: "Customer refund" }).click()
    await s.page.keyboard.press("Escape")
    await s.page.waitForURL(/source_type=customer_refund/)
    // The previous page stays on screen until the filtered one arrives.
    await s.page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('[data-testid="journal-list"] tbody tr')].map(
        (r) => r.querySelectorAll("td")[3]?.textContent
      )
      return cells.length > 0 && cells.every((c) => c === "Customer refund")
    })

    // A date range in the URL: nothing in 2000; the last 30 days list entries of those days only.
    await goto(s.page, `/accounting/journal?entry_date=${encodeURIComponent(JSON.stringify({ $gte: "2000-01-01", $lte: "2000-12-31" }))}`)
    await s.page.getByText("Nothing matches").waitFor({ timeout: 60_000 })
    const since = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10)
    await open(`?entry_date=${encodeURIComponent(JSON.stringify({ $gte: since }))}`)
    const dates = await s.page
      .getByTestId("journal-list")
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((r) => r.querySelectorAll("td")[1]?.textContent ?? ""))
    for (const shown of dates) {
      expect(new Date(shown).getTime()).toBeGreaterThanOrEqual(new Date(`${since}T00:00:00`).getTime() - 86_400_000)
    }
  })

  it("finds an order's own entries and those of its credit memos by the order's number", async () => {
    const { credit_memos } = await api(s.page, "/admin/credit-memos?q=Price%20adjustment")
    const memo = credit_memos[0]
    const display = memo.order.display_id
    await open()
    await s.page.getByTestId("journal-order").fill(`#${display}`)
    await s.page.waitForURL(new RegExp(`order=${display}`))
    // Once the filtered page is in: the order's own entries and its memo's, nothing else.
    await s.page.waitForFunction(
      ({ order, memoNumber }) => {
        const rows = [...document.querySelectorAll('[data-testid="journal-list"] tbody tr')].map((r) =>
          [...r.querySelectorAll("td")].map((td) => td.textContent ?? "")
        )
        return (
          rows.length > 0 &&
          rows.every((r) => r[5] === order || r[3] === "Credit memo" || r[3] === "Customer refund") &&
          rows.some((r) => r[3] === "Order") &&
          rows.some((r) => r[3] === "Credit memo" && r[2].includes(memoNumber))
        )
      },
      { order: `#${display}`, memoNumber: memo.number }
    )

    await s.page.getByTestId("journal-order").fill("eleven")
    expect(await fieldError(s.page, "Order number")).toBe("Enter the order's number, e.g. 11 or #11")
  })

  it("reverses a manual entry from its drawer, refusing a date before the entry next to the date", async () => {
    const { accounts } = await api(s.page, "/admin/accounting/accounts?limit=100")
    const id = (code: string) => accounts.find((a: any) => a.code === code).id
    const today = new Date().toISOString().slice(0, 10)
    // The admin offers no screen to write a manual entry: it is made through the API, reversed in the admin.
    const { journal_entry } = await apiPost(s.page, "/admin/accounting/journal-entries", {
      entry_date: today,
      currency_code: "usd",
      memo: "E2E manual correction",
      lines: [
        { account_id: id("1000"), debit: "12.34" },
        { account_id: id("5900"), credit: "12.34" },
      ],
    })
    const posted = await apiPost(s.page, `/admin/accounting/journal-entries/${journal_entry.id}/post`, {})
    await goto(s.page, `/accounting/journal?entry=${journal_entry.id}`)
    const drawer = s.page.getByRole("dialog")
    await drawer.getByTestId("entry-totals").waitFor({ timeout: 60_000 })
    await drawer.getByTestId("entry-reverse").click()
    const prompt = s.page.getByRole("dialog").filter({ hasText: `Reverse ${posted.journal_entry.number}` })
    await prompt.getByTestId("action-date").fill("2000-01-01")
    await prompt.getByTestId("action-confirm").click()
    expect(await fieldError(prompt, "Date")).toMatch(/before/)
    await prompt.getByTestId("action-date").fill(today)
    await prompt.getByTestId("action-confirm").click()
    await successNotice(s.page, new RegExp(`${posted.journal_entry.number} reversed by JE-\\d+`))
  })
})
