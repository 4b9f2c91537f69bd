import {
  AdminSession,
  RUN,
  api,
  apiPost,
  choose,
  closeAdmin,
  download,
  fieldError,
  goto,
  openAdmin,
  row,
  rowAction,
  shot,
  successNotice,
} from "./helpers/admin-page"

jest.setTimeout(240_000)

const TODAY = new Date().toISOString().slice(0, 10)
const YESTERDAY = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)

/**
 * Accounting → Bank deposits: a check and cash (and an EFT left behind) received today into
 * Undeposited Funds (recorded through the API: the payment form books to
 * the method's own account) go to the bank on one slip; the total is exact,
 * the receipts leave the undeposited list, the slip's PDF downloads.
 */
describe("bank deposits", () => {
  let s: AdminSession
  const receipts: { id: string; number: string }[] = []
  beforeAll(async () => {
    s = await openAdmin()
    const { customers } = await api(s.page, "/admin/customers?q=Margaret")
    // The third stays behind: the next slip offers it, not the two deposited.
    for (const [method, amount] of [
      ["check", "125.50"],
      ["cash", "40.00"],
      ["eft", "10.00"],
    ]) {
      const { payment } = await apiPost(s.page, "/admin/received-payments", {
        customer_id: customers[0].id,
        currency_code: "usd",
        date: TODAY,
        method,
        amount,
        reference: `E2E-DEP-${RUN}-${method}`,
        payment_account_id: "acct_1200",
        allocations: [],
      })
      receipts.push(payment)
    }
  })
  afterAll(() => closeAdmin(s))

  const undepositedIds = async () =>
    (
      (await api(s.page, "/admin/bank-deposits/receipts/undeposited?currency_code=usd")).receipts as any[]
    ).map((r) => r.id)

  it("deposits two receipts with their exact total; they leave the undeposited list", async () => {
    expect(await undepositedIds()).toEqual(expect.arrayContaining(receipts.map((r) => r.id)))
    await goto(s.page, "/accounting/bank-deposits")
    await s.page.getByTestId("new-deposit").click()
    const dialog = s.page.getByRole("dialog")
    await choose(s.page, dialog.getByTestId("deposit-currency"), "USD")
    for (const method of ["check", "cash"]) {
      await dialog.getByRole("checkbox", { name: new RegExp(`E2E-DEP-${RUN}-${method}`) }).click()
    }
    expect(await dialog.getByTestId("deposit-total").textContent()).toBe("2 receipts: $165.50")
    await shot(s.page, "bank-deposit-new")

    // A slip dated before the receipts came in is refused on its date.
    await dialog.getByTestId("deposit-date").fill(YESTERDAY)
    await dialog.getByTestId("post-deposit").click()
    expect(await fieldError(dialog, "Deposit date")).toMatch(/received on .*after the deposit date/)

    await dialog.getByTestId("deposit-date").fill(TODAY)
    await dialog.getByTestId("deposit-reference").fill(`E2E-DS-${RUN}`)
    await dialog.getByTestId("post-deposit").click()
    await successNotice(s.page, /Deposit DS-\d+ posted: \$165\.50 to the bank/)
    const listed = row(s.page, `E2E-DS-${RUN}`)
    await listed.waitFor()
    const text = (await listed.textContent()) ?? ""
    for (const part of ["DS-", "1000 Bank", "USD", "$165.50"]) {
      expect(text).toContain(part)
    }
    const { bank_deposits } = await api(s.page, `/admin/bank-deposits?q=E2E-DS-${RUN}`)
    expect(bank_deposits).toEqual([expect.objectContaining({ total: "165.50", receipt_count: 2 })])
    await shot(s.page, "bank-deposits")

    // Gone from Undeposited Funds: neither the API nor the next slip offers them.
    const left = await undepositedIds()
    expect(left).not.toContain(receipts[0].id)
    expect(left).not.toContain(receipts[1].id)
    expect(left).toContain(receipts[2].id)
    await s.page.getByTestId("new-deposit").click()
    const next = s.page.getByRole("dialog")
    await choose(s.page, next.getByTestId("deposit-currency"), "USD")
    const mine = next.getByRole("checkbox", { name: new RegExp(`E2E-DEP-${RUN}`) })
    await mine.first().waitFor()
    expect(await mine.count()).toBe(1)
    expect(await mine.getAttribute("aria-label")).toContain(`E2E-DEP-${RUN}-eft`)
    await next.getByRole("button", { name: "Cancel" }).click()
  })

  it("downloads the deposit slip as a PDF and opens its journal entry", async () => {
    const { bank_deposits } = await api(s.page, `/admin/bank-deposits?q=E2E-DS-${RUN}`)
    const deposit = bank_deposits[0]
    const file = await download(s.page, () =>
      rowAction(s.page, `Actions for ${deposit.number}`, "Deposit slip (PDF)")
    )
    expect(file.name).toBe(`deposit-slip-${deposit.number}.pdf`)
    expect(file.data.subarray(0, 4).toString()).toBe("%PDF")

    await rowAction(s.page, `Actions for ${deposit.number}`, "Open journal entry")
    await s.page.waitForURL(new RegExp(`/accounting/journal\\?entry=${deposit.journal_entry_id}`))
    await s.page.getByRole("dialog").getByTestId("entry-totals").filter({ hasText: "$165.50" }).waitFor()
  })
})
