import fs from "fs"
import path from "path"
import type { Locator } from "playwright-core"
import {
  AdminSession,
  RUN,
  api,
  choose,
  closeAdmin,
  fieldError,
  goto,
  openAdmin,
  row,
  shot,
  successNotice,
} from "./helpers/admin-page"

jest.setTimeout(240_000)

/** Yesterday (UTC, the demo store's accounting day): an open period, never in the future. */
const DATE = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)

/** A fixture payout report with this run's ids, as the file input takes it. */
const report = (name: string) => ({
  name,
  mimeType: "text/csv",
  buffer: Buffer.from(
    fs
      .readFileSync(path.join(__dirname, "fixtures", name), "utf8")
      .replace(/\{RUN\}/g, RUN)
      .replace(/\{DATE\}/g, DATE)
  ),
})

/**
 * Accounting → Payouts: import Stripe's payout report (once), refuse a file
 * with a bad line next to the form, import a bank's CSV through a column
 * mapping, record a payout by hand; each listed with its exact amounts.
 */
describe("payouts", () => {
  let s: AdminSession
  beforeAll(async () => {
    s = await openAdmin()
  })
  afterAll(() => closeAdmin(s))

  const openImport = async () => {
    await s.page.getByTestId("import-payouts-open").click()
    const dialog = s.page.getByRole("dialog")
    await dialog.getByTestId("payout-provider").fill("pp_system_default")
    return dialog
  }
  const payoutsOf = async (q: string) => (await api(s.page, `/admin/payouts?q=${q}`)).payouts as any[]
  const expectAmounts = async (r: Locator, amounts: string[]) => {
    const text = (await r.textContent()) ?? ""
    for (const a of amounts) {
      expect(text).toContain(a)
    }
  }

  it("imports Stripe's payout report: listed with its gross, fees and net, its lines and its entry", async () => {
    await goto(s.page, "/accounting/payouts")
    const dialog = await openImport()
    await dialog.getByTestId("payout-file").setInputFiles(report("stripe-payout.csv"))
    await dialog.getByTestId("import-payouts").click()
    await successNotice(s.page, /PO-\d+ posted/)
    const listed = row(s.page, `po_e2e_${RUN}`)
    await listed.waitFor()
    await expectAmounts(listed, ["$165.50", "$5.40", "$160.10", "0 matched", "2 unmatched"])
    const [payout] = await payoutsOf(`po_e2e_${RUN}`)
    expect(payout).toMatchObject({ gross: "165.50", fee: "5.40", net: "160.10", source: "stripe_csv" })

    // Its lines, and the entry it posted one click away.
    await listed.click()
    const detail = s.page.getByRole("dialog")
    await detail.getByTestId("payout-line").nth(1).waitFor()
    expect(await detail.getByTestId("payout-line").count()).toBe(2)
    expect(await detail.getByTestId("payout-line").first().textContent()).toContain(`pi_e2e_${RUN}_1`)
    await shot(s.page, "payout-detail")
    await detail.getByTestId("payout-entry-link").click()
    await s.page.waitForURL(new RegExp(`/accounting/journal\\?entry=${payout.journal_entry_id}`))
    const entry = s.page.getByRole("dialog")
    await entry.getByTestId("entry-totals").filter({ hasText: "$165.50" }).waitFor()
    const lines = await entry.getByTestId("entry-line").allTextContents()
    expect(lines).toEqual([
      expect.stringMatching(/^1000 Bank.*\$160\.10$/),
      expect.stringMatching(/^6200 Processing Fees.*\$5\.40$/),
      expect.stringMatching(/^1200 Undeposited Funds.*\$165\.50$/),
    ])

    // Its lines matched no capture: listed to reconcile.
    await goto(s.page, "/accounting/payouts")
    const unmatched = s.page.getByTestId("unmatched-lines")
    await unmatched
      .getByRole("row")
      .filter({ hasText: `pi_e2e_${RUN}_2` })
      .waitFor()
    expect(
      await unmatched
        .getByRole("row")
        .filter({ hasText: `pi_e2e_${RUN}_2` })
        .textContent()
    ).toContain("$45.50")
    await shot(s.page, "payouts")
  })

  it("importing the same file again posts nothing", async () => {
    const dialog = await openImport()
    await dialog.getByTestId("payout-file").setInputFiles(report("stripe-payout.csv"))
    await dialog.getByTestId("import-payouts").click()
    await successNotice(s.page, /PO-\d+ already imported: nothing posted again/)
    expect(await payoutsOf(`po_e2e_${RUN}`)).toHaveLength(1)
    // An open drawer hides the page from the accessibility tree: count the rows once it is gone.
    await s.page.getByRole("dialog").waitFor({ state: "detached" })
    expect(await row(s.page, `po_e2e_${RUN}`).count()).toBe(1)
  })

  it("shows a bad line's error next to the form and posts nothing of the file", async () => {
    const dialog = await openImport()
    await dialog.getByTestId("payout-file").setInputFiles(report("stripe-payout-bad-row.csv"))
    await dialog.getByTestId("import-payouts").click()
    const errors = dialog.getByTestId("payout-file-error")
    await errors.first().waitFor()
    expect(await errors.allTextContents()).toEqual([expect.stringMatching(/^line 3: net/)])
    expect(await dialog.getByTestId("action-error").textContent()).toContain("nothing was posted")
    await shot(s.page, "payout-import-errors")
    expect(await payoutsOf(`po_e2e_bad_${RUN}`)).toEqual([])
    await dialog.getByRole("button", { name: "Cancel" }).click()
    await dialog.waitFor({ state: "detached" })
    await row(s.page, `po_e2e_${RUN}`).waitFor()
    expect(await row(s.page, `po_e2e_bad_${RUN}`).count()).toBe(0)
  })

  it("imports a bank's CSV through its column mapping, asking for the columns it needs", async () => {
    const dialog = await openImport()
    await choose(s.page, dialog.getByTestId("payout-format"), /^Other CSV/)
    await dialog.getByTestId("payout-file").setInputFiles(report("bank-payout.csv"))
    const mapping = {
      payout_id: "Payout",
      payout_date: "Day",
      currency: "Cur",
      gross: "Amount",
      payment_id: "Charge",
    }
    for (const [key, columnName] of Object.entries(mapping)) {
      await dialog.getByTestId(`mapping-${key}`).fill(columnName)
    }
    await dialog.getByTestId("import-payouts").click()
    expect(await fieldError(dialog, "Fee column")).toBe("Name the column")
    await dialog.getByTestId("mapping-fee").fill("Fees")
    await dialog.getByTestId("import-payouts").click()
    await successNotice(s.page, /PO-\d+ posted/)
    const listed = row(s.page, `B-${RUN}`)
    await listed.waitFor()
    await expectAmounts(listed, ["$175.00", "$5.80", "$169.20", "2 unmatched"])
    const [payout] = await payoutsOf(`B-${RUN}`)
    expect(payout).toMatchObject({ gross: "175.00", fee: "5.80", net: "169.20", source: "csv" })
  })

  it("records a payout by hand, refusing a fee with too many decimals on its field", async () => {
    await s.page.getByTestId("record-payout-open").click()
    const dialog = s.page.getByRole("dialog")
    await dialog.getByTestId("record-provider").fill("pp_system_default")
    await dialog.getByTestId("record-payout-id").fill(`po_hand_${RUN}`)
    await dialog.getByTestId("record-gross-0").fill("50.00")
    await dialog.getByTestId("record-fee-0").fill("1.234")
    await dialog.getByTestId("record-payout").click()
    expect(await fieldError(dialog, "Line 1 fee")).toBe("USD amounts have at most 2 decimals")
    await dialog.getByTestId("record-fee-0").fill("1.50")
    await dialog.getByTestId("record-add-line").click()
    await dialog.getByTestId("record-gross-1").fill("-10.00")
    expect(await dialog.getByTestId("record-net").textContent()).toBe(
      "Gross $40.00 − fees $1.50 = net $38.50"
    )
    await dialog.getByTestId("record-payout").click()
    await successNotice(s.page, /Payout PO-\d+ posted/)
    const listed = row(s.page, `po_hand_${RUN}`)
    await listed.waitFor()
    await expectAmounts(listed, ["$40.00", "$1.50", "$38.50"])
    const [payout] = await payoutsOf(`po_hand_${RUN}`)
    expect(payout).toMatchObject({ gross: "40.00", fee: "1.50", net: "38.50", source: "api" })
  })
})
