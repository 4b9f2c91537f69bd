import {
  AdminSession,
  RUN,
  api,
  apiPost,
  choose,
  chooseCustomer,
  closeAdmin,
  fieldError,
  goto,
  openAdmin,
  row,
  shot,
  successNotice,
} from "./helpers/admin-page"

jest.setTimeout(240_000)

/**
 * Reason codes (issue 17): add a code and require a reason on the Settings
 * page, create a memo choosing it (refused without one) and see its label in
 * the list; a goodwill refund from the order widget, posted for the exact amount.
 */
describe("reason codes and goodwill refunds", () => {
  let s: AdminSession
  const code = `e2e_${RUN}`
  const label = `E2E wrong size ${RUN}`
  beforeAll(async () => {
    s = await openAdmin()
  })
  afterAll(async () => {
    // Other browser tests create memos without a reason: leave it optional.
    if (s) {
      await apiPost(s.page, "/admin/accounting/settings", { reason_codes: { credit_memo: { required: false } } })
    }
    await closeAdmin(s)
  })

  it("adds a code and requires a reason for credit memos on the Settings page", async () => {
    await goto(s.page, "/accounting/settings")
    const memos = s.page.getByTestId("reason-codes-credit_memo")
    await memos.waitFor({ timeout: 60_000 })
    await memos.getByTestId("new-reason-code-credit_memo").fill("Bad Code")
    await memos.getByTestId("new-reason-label-credit_memo").fill(label)
    await memos.getByTestId("add-reason-credit_memo").click()
    await memos.getByText(/lowercase letters, digits/).waitFor()
    await memos.getByTestId("new-reason-code-credit_memo").fill(code)
    await memos.getByTestId("add-reason-credit_memo").click()
    await memos.getByRole("cell", { name: label }).waitFor()
    await memos.getByTestId("reason-required-credit_memo").click()
    await s.page.getByTestId("reason-codes-save").click()
    await successNotice(s.page, "Reason codes saved")
    await shot(s.page, "settings-reason-codes")

    const { reason_codes } = await api(s.page, "/admin/accounting/reason-codes")
    expect(reason_codes.credit_memo.required).toBe(true)
    expect(reason_codes.credit_memo.codes).toContainEqual({ code, label, active: true })
    expect(reason_codes.customer_refund.required).toBe(false)
  })

  it("refuses a memo without a reason code on its field, then issues one with the new code and lists its label", async () => {
    await goto(s.page, "/accounting/credit-memos")
    await s.page.getByTestId("new-memo").click()
    const dialog = s.page.getByRole("dialog")
    await chooseCustomer(s.page, dialog, "Katherine")
    await choose(s.page, dialog.getByTestId("memo-currency"), "USD")
    await dialog.getByTestId("memo-reason").fill(`E2E reason code ${RUN}`)
    await dialog.getByLabel("Description").fill("Wrong size sent")
    await dialog.getByTestId("memo-line-amount").fill("9.40")
    await dialog.getByTestId("memo-issue").click()
    expect(await fieldError(dialog, "Reason code")).toMatch(/reason code is required/)

    await choose(s.page, dialog.getByTestId("memo-reason-code"), label)
    await dialog.getByTestId("memo-issue").click()
    await successNotice(s.page, /Credit memo CM-\d+ issued/)
    const listed = row(s.page, `E2E reason code ${RUN}`)
    await listed.waitFor({ timeout: 30_000 })
    expect(await listed.textContent()).toContain(label)
    const { credit_memos } = await api(s.page, `/admin/credit-memos?q=${encodeURIComponent(`E2E reason code ${RUN}`)}`)
    expect(credit_memos).toEqual([expect.objectContaining({ reason_code: code, total: "9.40", status: "issued" })])
  })

  it("posts a goodwill refund from the order widget for the exact amount", async () => {
    const { customers } = await api(s.page, "/admin/customers?q=katherine&fields=id,email")
    const katherine = customers.find((c: any) => c.email === "katherine@example.com").id
    const { open_orders } = await api(s.page, `/admin/customers/${katherine}/open-orders?currency_code=usd`)
    const order = open_orders[0]
    await goto(s.page, `/orders/${order.order_id}`)
    await s.page.getByTestId("order-accounting").waitFor({ timeout: 60_000 })

    await s.page.getByRole("button", { name: "Accounting actions" }).click()
    await s.page.getByRole("menuitem", { name: "Goodwill refund…" }).click()
    const drawer = s.page.getByTestId("goodwill-drawer")
    await drawer.getByTestId("goodwill-amount").fill("7.255")
    await drawer.getByTestId("goodwill-submit").click()
    await drawer.getByText(/at most 2 decimals/).waitFor()
    await drawer.getByTestId("goodwill-amount").fill("7.25")
    await drawer.getByTestId("goodwill-note").fill(`E2E goodwill ${RUN}`)
    await shot(s.page, "goodwill-refund")
    await drawer.getByTestId("goodwill-submit").click()
    await successNotice(s.page, /Goodwill refund RF-\d+ of \$7\.25 posted \(memo CM-\d+\)/)
    await s.page.getByTestId("order-refunds").getByText("Posted").first().waitFor({ timeout: 30_000 })

    const { customer_refunds } = await api(s.page, `/admin/customer-refunds?customer_id=${katherine}&q=${RUN}`)
    const refund = customer_refunds.find((r: any) => r.memo === `E2E goodwill ${RUN}`)
    expect(refund).toMatchObject({ status: "posted", total: "7.25", method: "check", reason_code: "goodwill" })
    const memo = (await api(s.page, `/admin/credit-memos/${refund.lines[0].source_id}`)).credit_memo
    expect(memo).toMatchObject({ status: "issued", order_id: order.order_id, total: "7.25", remaining_amount: "0.00" })
  })
})
