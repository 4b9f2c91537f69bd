import { AdminSession, api, closeAdmin, goto, openAdmin, successNotice } from "./helpers/admin-page"

jest.setTimeout(240_000)

/** Customer widget → "Apply credits…": Margaret's credit applied to one of her open orders. */
describe("apply credits", () => {
  let s: AdminSession
  beforeAll(async () => {
    s = await openAdmin()
  })
  afterAll(() => closeAdmin(s))

  it("opens from the customer widget and applies a credit to an open order", async () => {
    const { customers } = await api(s.page, "/admin/customers?q=Margaret&limit=1")
    const id = customers[0].id
    await goto(s.page, `/customers/${id}`)
    await s.page.getByRole("button", { name: "Accounting actions" }).click()
    await s.page.getByRole("menuitem", { name: "Apply credits…" }).click()
    await s.page.waitForURL(new RegExp(`/accounting/customers/${id}/apply`))
    const before = await api(s.page, `/admin/customers/${id}/applications`)
    const credits = s.page.getByTestId("apply-credits-credits")
    await credits.getByRole("row").first().click()
    await s.page.getByTestId("apply-credits-orders").getByRole("row").first().click()
    await s.page.getByTestId("apply-amount").fill("0.01")
    await s.page.getByTestId("apply-credit").click()
    await successNotice(s.page, /Applied 0.01/)
    const after = await api(s.page, `/admin/customers/${id}/applications`)
    expect(after.open_orders).not.toEqual(before.open_orders)
  })
})
