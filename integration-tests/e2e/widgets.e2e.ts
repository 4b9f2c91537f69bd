import {
  AdminSession,
  api,
  choose,
  closeAdmin,
  confirmPrompt,
  goto,
  openAdmin,
  shot,
  successNotice,
} from "./helpers/admin-page"

jest.setTimeout(240_000)

/**
 * The widgets on Medusa's order and customer pages, and the overview: the
 * order's figures explained, actions from the "…" menu (refund credits,
 * create and issue a memo, apply a memo to this order, unapply), links to
 * the journal, and a visible error when a part cannot load.
 */
describe("order and customer widgets", () => {
  let s: AdminSession
  beforeAll(async () => {
    s = await openAdmin()
  })
  afterAll(() => closeAdmin(s))

  const customerId = async (q: string) => {
    const { customers } = await api(s.page, `/admin/customers?q=${q}&fields=id,email`)
    return customers.find((c: any) => c.email === `${q}@example.com`).id as string
  }
  const widgetMenu = async (item: string) => {
    await s.page.getByRole("button", { name: "Accounting actions" }).click()
    await s.page.getByRole("menuitem", { name: item }).click()
  }

  it("refunds an order's overpayment from the order page and sees it posted, explained and journaled", async () => {
    const grace = await customerId("grace")
    const { available_credits } = await api(s.page, `/admin/customers/${grace}/available-credits?currency_code=usd`)
    const credit = available_credits.find((c: any) => c.source_type === "overpayment")

    await goto(s.page, `/orders/${credit.order_id}`)
    const figures = s.page.getByTestId("order-accounting")
    await figures.waitFor({ timeout: 60_000 })
    expect(await figures.textContent()).toContain("Owed to the customer")
    await shot(s.page, "order-widget")

    await widgetMenu("Refund credits…")
    const dialog = s.page.getByRole("dialog")
    const line = dialog.getByTestId("available-credit").filter({ hasText: "Overpayment" }).first()
    await line.waitFor()
    await line.getByRole("checkbox").click()
    await dialog.getByTestId("refund-reference").fill("CHK-E2E-1")
    await shot(s.page, "refund-modal")
    await dialog.getByTestId("refund-post").click()
    await successNotice(s.page, /Refund RF-\d+ posted/)
    await dialog.waitFor({ state: "detached" })

    const refunds = s.page.getByTestId("order-refunds")
    await refunds.getByText("Posted").waitFor({ timeout: 30_000 })
    const number = (await refunds.textContent())!.match(/RF-\d+/)![0]
    await figures.getByText("Refunded from this order's credits").waitFor()
    await shot(s.page, "order-widget-refunded")

    const after = await api(s.page, `/admin/customers/${grace}/available-credits?currency_code=usd`)
    expect(after.available_credits.find((c: any) => c.source_id === credit.source_id)).toBeUndefined()

    // The journal entries behind the figures are one click away.
    const journal = s.page.getByTestId("order-journal")
    const entries = await journal.getByRole("link").allTextContents()
    await journal.getByRole("link", { name: entries[entries.length - 2] }).click()
    await s.page.waitForURL(/accounting\/journal\?entry=/)
    await s.page.getByRole("dialog").getByTestId("entry-totals").waitFor()
    expect(await s.page.getByRole("dialog").textContent()).toContain(number)
  })

  it("creates and issues a memo from the order's menu, applies it to the order, explains it, and unapplies it", async () => {
    const katherine = await customerId("katherine")
    const { open_orders } = await api(s.page, `/admin/customers/${katherine}/open-orders?currency_code=usd`)
    const order = open_orders[open_orders.length - 1]
    await goto(s.page, `/orders/${order.order_id}`)
    const figures = s.page.getByTestId("order-accounting")
    await figures.waitFor({ timeout: 60_000 })

    await widgetMenu("Create credit memo…")
    const dialog = s.page.getByRole("dialog")
    await dialog.getByTestId("memo-reason").fill("E2E scratched gadget")
    await dialog.getByLabel("Description").fill("Scratched gadget")
    await dialog.getByTestId("memo-line-amount").fill("20")
    await dialog.getByTestId("memo-issue").click()
    await successNotice(s.page, /Credit memo CM-\d+ issued/)
    const memoNumber = (await s.page.getByTestId("notice-success").textContent())!.match(/CM-\d+/)![0]

    await widgetMenu("Apply a credit memo to this order…")
    const drawer = s.page.getByRole("dialog")
    await choose(s.page, drawer.getByTestId("apply-memo-select"), new RegExp(memoNumber))
    await drawer.getByTestId("apply-amount").fill("20")
    await drawer.getByTestId("apply-confirm").click()
    await successNotice(s.page, `${memoNumber} applied to this order`)
    const applied = figures.getByTestId("credits-applied")
    await applied.getByText(memoNumber).waitFor()
    expect(await applied.textContent()).toContain("$20.00")
    const note = await s.page.getByTestId("outstanding-note").textContent()
    expect(note).toContain('Medusa\'s "Outstanding amount"')
    const { order_accounting } = await api(s.page, `/admin/orders/${order.order_id}/accounting`)
    expect(Number(order_accounting.open)).toBeCloseTo(Number(order.open_amount) - 20, 2)
    expect(await s.page.getByTestId("order-open").textContent()).toContain(
      new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(Number(order_accounting.open))
    )

    await applied.getByRole("button", { name: "Unapply…" }).click()
    await confirmPrompt(s.page, "Unapply")
    await successNotice(s.page, `${memoNumber} unapplied from this order`)
    await applied.waitFor({ state: "detached" })
  })

  it("shows the customer's balances, credits, open orders and aging", async () => {
    const edsger = await customerId("edsger")
    await goto(s.page, `/customers/${edsger}`)
    await s.page.getByTestId("aging-bars").first().waitFor({ timeout: 60_000 })
    await s.page.getByTestId("customer-open-orders").waitFor()
    const text = await s.page.getByTestId("customer-accounting-widget").textContent()
    expect(text).not.toMatch(/cus_|order_|store_credit/)
    await shot(s.page, "customer-widget")
  })

  it("says so when a widget or a list cannot load, instead of vanishing", async () => {
    const refusal = {
      status: 403,
      contentType: "application/json",
      body: JSON.stringify({
        type: "not_allowed",
        code: "PERMISSION_DENIED",
        message: "This needs the accounting permission credit_memos:list",
      }),
    }
    await s.page.route("**/admin/credit-memos?*", (route) => route.fulfill(refusal))
    await goto(s.page, "/accounting/credit-memos")
    const error = s.page.getByTestId("load-error")
    await error.waitFor({ timeout: 60_000 })
    expect(await error.textContent()).toContain(
      "Credit memos could not be loaded: This needs the accounting permission credit_memos:list"
    )
    await s.page.unroute("**/admin/credit-memos?*")

    const edsger = await customerId("edsger")
    await s.page.route("**/admin/customers/*/accounting", (route) => route.fulfill(refusal))
    await goto(s.page, `/customers/${edsger}`)
    await s.page.getByTestId("customer-accounting-widget").getByTestId("load-error").waitFor({ timeout: 60_000 })
    await s.page.unroute("**/admin/customers/*/accounting")
  })

  it("shows the overview once the reconciliation and the posting errors are in", async () => {
    await goto(s.page, "/accounting")
    await s.page.getByTestId("reconciled-badge").waitFor({ timeout: 60_000 })
    await s.page.getByText("None: every order, capture and refund is in the journal.").waitFor()
    expect(await s.page.getByText("Checking…").count()).toBe(0)
    await shot(s.page, "overview")
  })
})
