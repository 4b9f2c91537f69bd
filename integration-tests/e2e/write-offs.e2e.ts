import { AdminSession, RUN, api, apiPost, closeAdmin, goto, openAdmin, row, rowAction, successNotice } from "./helpers/admin-page"

jest.setTimeout(240_000)

/** Accounting → Write-offs: small balances in bulk, and a void (the write-off itself made through the API). */
describe("write-offs", () => {
  let s: AdminSession
  beforeAll(async () => {
    s = await openAdmin()
  })
  afterAll(() => closeAdmin(s))

  it("writes off small balances in bulk and voids a write-off", async () => {
    const aging = await api(s.page, "/admin/accounting/reports/ar-aging?detail=true&currency_code=usd")
    const open = aging.sections
      .flatMap((x: any) => x.rows)
      .find((r: any) => r.type === "Order" && r.order_id && Number(r.open) >= 1)
    const today = new Date().toISOString().slice(0, 10)
    const { write_off } = await apiPost(s.page, "/admin/write-offs", {
      order_id: open.order_id,
      amount: "0.01",
      date: today,
      reason_code: "small_balance",
      memo: `E2E-WO-${RUN}`,
    })
    await goto(s.page, "/accounting/write-offs")
    await row(s.page, write_off.number).waitFor({ timeout: 60_000 })

    await s.page.getByTestId("bulk-write-off").click()
    const drawer = s.page.getByRole("dialog")
    await drawer.getByTestId("bulk-threshold").fill("0.001")
    await drawer.getByTestId("run-bulk-write-off").click()
    await drawer.getByText(/at most 2 decimals/).waitFor()
    await drawer.getByTestId("bulk-threshold").fill("0.01")
    await drawer.getByTestId("run-bulk-write-off").click()
    await successNotice(s.page, /small balances? written off/)

    await rowAction(s.page, `Actions for ${write_off.number}`, "Void…")
    const voidDrawer = s.page.getByRole("dialog")
    await voidDrawer.getByTestId("action-confirm").click()
    await successNotice(s.page, `Write-off ${write_off.number} voided`)
    await row(s.page, write_off.number).filter({ hasText: "Voided" }).waitFor()
  })
})
