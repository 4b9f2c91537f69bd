import { AdminSession, RUN, api, choose, chooseCustomer, closeAdmin, fieldError, goto, openAdmin, row, rowAction, successNotice } from "./helpers/admin-page"

jest.setTimeout(240_000)

/** Accounting → Payments: record a payment for Margaret, refuse a bad amount on its field, reverse it with a reason. */
describe("payments", () => {
  let s: AdminSession
  beforeAll(async () => {
    s = await openAdmin()
  })
  afterAll(() => closeAdmin(s))

  it("records a payment, refusing a bad amount next to the field", async () => {
    await goto(s.page, "/accounting/payments")
    await chooseCustomer(s.page, s.page.locator("body"), "Margaret")
    await s.page.getByTestId("new-payment").click()
    const dialog = s.page.getByRole("dialog")
    await choose(s.page, dialog.getByTestId("payment-method"), /^EFT/)
    await dialog.getByTestId("payment-amount").fill("1.234")
    await dialog.getByTestId("payment-reference").fill(`E2E-PMT-${RUN}`)
    await dialog.getByTestId("record-payment").click()
    expect(await fieldError(dialog, "Amount")).toBe("USD amounts have at most 2 decimals")
    await dialog.getByTestId("payment-amount").fill("1.00")
    await dialog.getByTestId("record-payment").click()
    await successNotice(s.page, /Payment PMT-\d+ posted/)
    await row(s.page, `E2E-PMT-${RUN}`).filter({ hasText: "Posted" }).waitFor()
    expect(await row(s.page, `E2E-PMT-${RUN}`).textContent()).toContain("$1.00")
  })

  it("reverses it as a bounced check, with the reason kept", async () => {
    const { payments } = await api(s.page, `/admin/received-payments?q=E2E-PMT-${RUN}`)
    await rowAction(s.page, `Actions for ${payments[0].number}`, "Reverse…")
    const drawer = s.page.getByRole("dialog")
    await drawer.getByTestId("action-reason").fill("Returned by the bank")
    await drawer.getByTestId("action-confirm").click()
    await successNotice(s.page, `Payment ${payments[0].number} reversed`)
    await row(s.page, `E2E-PMT-${RUN}`).filter({ hasText: "Returned by the bank" }).waitFor()
    const after = await api(s.page, `/admin/received-payments/${payments[0].id}`)
    expect(after.payment).toMatchObject({ status: "reversed", reversal_kind: "bounced" })
  })
})
