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
  rowAction,
  shot,
  successNotice,
} from "./helpers/admin-page"

jest.setTimeout(240_000)

/**
 * Accounting → Customer deposits: record a deposit for a customer with an open order
 * (a bad amount refused on its field), apply part of it to the order, take
 * it back, refund part of the rest, and void another deposit.
 */
describe("customer deposits", () => {
  let s: AdminSession
  let customer: { id: string; name: string }
  const reference = `E2E-DEP-${RUN}`
  const deposit = async () => (await api(s.page, `/admin/customer-deposits?q=${reference}`)).deposits[0]

  beforeAll(async () => {
    s = await openAdmin()
    const aging = await api(s.page, "/admin/accounting/reports/ar-aging?detail=true&currency_code=usd")
    const open = aging.sections
      .flatMap((x: any) => x.rows)
      .find((r: any) => r.type === "Order" && r.order_id && Number(r.open) >= 1)
    const { customer: c } = await api(s.page, `/admin/customers/${open.customer_id}`)
    customer = { id: c.id, name: [c.first_name, c.last_name].filter(Boolean).join(" ") || c.email }
  })
  afterAll(() => closeAdmin(s))

  it("records a deposit, refusing a bad amount next to the field", async () => {
    await goto(s.page, "/accounting/customer-deposits")
    await s.page.getByTestId("new-deposit").click()
    const dialog = s.page.getByRole("dialog")
    await chooseCustomer(s.page, dialog, customer.name)
    await choose(s.page, dialog.getByTestId("deposit-method"), /^Check/)
    await dialog.getByTestId("deposit-amount").fill("1.234")
    await dialog.getByTestId("deposit-reference").fill(reference)
    await dialog.getByTestId("record-deposit").click()
    expect(await fieldError(dialog, "Amount")).toBe("USD amounts have at most 2 decimals")
    await dialog.getByTestId("deposit-amount").fill("0.10")
    await dialog.getByTestId("record-deposit").click()
    await successNotice(s.page, /Deposit DEP-\d+ posted: \$0\.10/)
    await row(s.page, reference).filter({ hasText: "Posted" }).waitFor()
    expect(await deposit()).toMatchObject({ status: "posted", amount: "0.10", method: "check", customer_id: customer.id })
  })

  it("applies part of it to an open order of the customer and takes it back", async () => {
    const { number } = await deposit()
    await rowAction(s.page, `Actions for ${number}`, "Apply to order…")
    let drawer = s.page.getByRole("dialog")
    await choose(s.page, drawer.getByTestId("open-order-select"), / open$/)
    await drawer.getByTestId("apply-amount").fill("0.03")
    await drawer.getByTestId("action-confirm").click()
    await successNotice(s.page, `Deposit ${number} applied; $0.07 remains`)
    const applied = await deposit()
    expect(applied).toMatchObject({ applied_amount: "0.03", remaining_amount: "0.07" })
    expect(applied.applications).toHaveLength(1)

    await rowAction(s.page, `Actions for ${number}`, "Unapply…")
    drawer = s.page.getByRole("dialog")
    await drawer.getByTestId("action-confirm").click()
    await successNotice(s.page, `Deposit ${number} unapplied; $0.10 remains`)
    expect((await deposit()).applications[0].unapplied_date).toBeTruthy()
  })

  it("refunds part of what remains by check", async () => {
    const { number } = await deposit()
    await rowAction(s.page, `Actions for ${number}`, "Refund…")
    const drawer = s.page.getByRole("dialog")
    await choose(s.page, drawer.getByTestId("refund-method"), /^Check/)
    await drawer.getByTestId("refund-amount").fill("0.04")
    await drawer.getByTestId("action-confirm").click()
    await successNotice(s.page, `Deposit ${number} refunded; $0.06 remains`)
    expect(await deposit()).toMatchObject({ refunded_amount: "0.04", remaining_amount: "0.06", status: "posted" })
    await row(s.page, reference).filter({ hasText: "$0.06" }).waitFor()
    await shot(s.page, "deposits")
  })

  it("voids a deposit entered in error", async () => {
    const { deposit: wrong } = await apiPost(s.page, "/admin/customer-deposits", {
      customer_id: customer.id,
      currency_code: "usd",
      date: new Date().toISOString().slice(0, 10),
      method: "cash",
      amount: "0.05",
      reference: `${reference}-VOID`,
    })
    await goto(s.page, "/accounting/customer-deposits")
    await rowAction(s.page, `Actions for ${wrong.number}`, "Void…")
    const drawer = s.page.getByRole("dialog")
    await drawer.getByTestId("action-reason").fill("Entered twice")
    await drawer.getByTestId("action-confirm").click()
    await successNotice(s.page, `Deposit ${wrong.number} voided`)
    await row(s.page, wrong.number).filter({ hasText: "Voided" }).waitFor()
  })
})
