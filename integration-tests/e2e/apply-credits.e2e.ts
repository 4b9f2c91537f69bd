import { AdminSession, api, apiPost, closeAdmin, goto, openAdmin, row, successNotice } from "./helpers/admin-page"

jest.setTimeout(240_000)

/** Customer widget → "Apply credits…": an unapplied payment applied to one of the customer's open orders. */
describe("apply credits", () => {
  let s: AdminSession
  beforeAll(async () => {
    s = await openAdmin()
  })
  afterAll(() => closeAdmin(s))

  it("opens from the customer widget and applies a credit to an open order", async () => {
    const aging = await api(s.page, "/admin/accounting/reports/ar-aging?detail=true&currency_code=usd")
    const open = aging.sections
      .flatMap((x: any) => x.rows)
      .find((r: any) => r.type === "Order" && r.order_id && Number(r.open) >= 1)
    const id = open.customer_id
    const { payment } = await apiPost(s.page, "/admin/received-payments", {
      customer_id: id,
      currency_code: "usd",
      date: new Date().toISOString().slice(0, 10),
      method: "eft",
      amount: "0.05",
      allocations: [],
    })
    await goto(s.page, `/customers/${id}`)
    await s.page.getByRole("button", { name: "Accounting actions" }).click()
    await s.page.getByRole("menuitem", { name: "Apply credits…" }).click()
    await s.page.waitForURL(new RegExp(`/accounting/customers/${id}/apply`))
    const before = await api(s.page, `/admin/customers/${id}/applications`)
    const credits = s.page.getByTestId("apply-credits-credits")
    await row(credits, payment.number).click()
    await s.page.getByTestId("apply-credits-orders").getByRole("row").first().click()
    await s.page.getByTestId("apply-amount").fill("0.01")
    await s.page.getByTestId("apply-credit").click()
    await successNotice(s.page, /Applied 0.01/)
    const after = await api(s.page, `/admin/customers/${id}/applications`)
    expect(after.open_orders).not.toEqual(before.open_orders)
  })
})
