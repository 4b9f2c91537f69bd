import { readPdf } from "../helpers/files"
import {
  AdminSession,
  RUN,
  api,
  choose,
  chooseCustomer,
  closeAdmin,
  confirmPrompt,
  download,
  fieldError,
  goto,
  openAdmin,
  row,
  rowAction,
  shot,
  successNotice,
} from "./helpers/admin-page"

jest.setTimeout(180_000)

/**
 * Accounting → Credit memos, every action it offers: create, edit and
 * delete a draft, create-and-issue, issue from the list, apply to an open
 * order picked by number, unapply, void, PDF; each refusal on its field.
 */
describe("credit memos", () => {
  let s: AdminSession
  const today = new Date().toISOString().slice(0, 10)

  beforeAll(async () => {
    s = await openAdmin()
  })
  afterAll(() => closeAdmin(s))

  /** The memos page; a test that follows another on it carries on there (a reload costs seconds). */
  const open = async () => {
    if (!/\/accounting\/credit-memos(\?|$)/.test(s.page.url())) {
      await goto(s.page, "/accounting/credit-memos")
    }
    await row(s.page, /CM-\d+/).first().waitFor({ timeout: 60_000 })
  }
  /** Opens "Create credit memo" and fills the customer, currency, reason and one line. */
  const fillNewMemo = async (reason: string, amount: string, date?: string) => {
    await s.page.getByTestId("new-memo").click()
    const dialog = s.page.getByRole("dialog")
    await chooseCustomer(s.page, dialog, "Katherine")
    await choose(s.page, dialog.getByTestId("memo-currency"), "USD")
    if (date) {
      await dialog.getByTestId("memo-date").fill(date)
    }
    await dialog.getByTestId("memo-reason").fill(reason)
    await dialog.getByLabel("Description").fill(`${reason} (line)`)
    await dialog.getByTestId("memo-line-amount").fill(amount)
    return dialog
  }

  it("creates a draft, edits it and deletes it", async () => {
    await open()
    const dialog = await fillNewMemo(`E2E draft to edit ${RUN}`, "12.50")
    expect(await dialog.getByTestId("memo-total").textContent()).toContain("12.50")
    await dialog.getByTestId("save-draft").click()
    await successNotice(s.page, "Draft credit memo saved")
    const draft = row(s.page, `E2E draft to edit ${RUN}`)
    await draft.waitFor()
    expect(await draft.textContent()).toContain("Katherine Johnson")
    expect(await draft.textContent()).toContain("$12.50")

    await rowAction(s.page, `Actions for draft memo E2E draft to edit ${RUN}`, "Edit draft…")
    const edit = s.page.getByRole("dialog")
    await edit.getByTestId("memo-line-amount").fill("14.75")
    await edit.getByTestId("save-draft").click()
    await successNotice(s.page, "Draft credit memo saved")
    await draft.filter({ hasText: "$14.75" }).waitFor()

    await rowAction(s.page, `Actions for draft memo E2E draft to edit ${RUN}`, "Delete draft…")
    await confirmPrompt(s.page, "Delete draft")
    await successNotice(s.page, "Draft credit memo deleted")
    await draft.waitFor({ state: "detached" })
    const { count } = await api(s.page, `/admin/credit-memos?q=${encodeURIComponent(`E2E draft to edit ${RUN}`)}`)
    expect(count).toBe(0)
  })

  it("shows each refusal next to its field, in plain words, and leaves no draft when the issue is refused", async () => {
    await open()
    await s.page.getByTestId("new-memo").click()
    const dialog = s.page.getByRole("dialog")
    await dialog.getByTestId("memo-issue").click()
    expect(await fieldError(dialog, "Reason")).toBe("Say why the customer is credited")
    expect(await fieldError(dialog, "Description")).toBe("Describe the line")
    expect(await fieldError(dialog, "Amount")).toBe("Enter an amount")
    expect(await fieldError(dialog, "Customer")).toBe("Choose the customer")
    await dialog.getByRole("button", { name: "Cancel" }).click()

    const { periods } = await api(s.page, "/admin/accounting/periods")
    const closed = periods.find((p: any) => p.status === "closed")
    const form = await fillNewMemo(`E2E refused in a closed period ${RUN}`, "12.345", closed.start_date)
    await form.getByTestId("memo-issue").click()
    expect(await fieldError(form, "Amount")).toBe("USD amounts have at most 2 decimals")
    await form.getByTestId("memo-line-amount").fill("12.34")
    await form.getByTestId("memo-issue").click()
    expect(await fieldError(form, "Date")).toMatch(/falls in the closed period/)
    await form.getByRole("button", { name: "Cancel" }).click()
    const { count } = await api(s.page, `/admin/credit-memos?q=${encodeURIComponent(`closed period ${RUN}`)}`)
    expect(count).toBe(0)
  })

  it("creates and issues a memo in one step, issues a draft from the list after a confirmation, and voids", async () => {
    await open()
    const dialog = await fillNewMemo(`E2E issued at once ${RUN}`, "30")
    await dialog.getByTestId("memo-issue").click()
    await successNotice(s.page, /Credit memo CM-\d+ issued/)
    const issued = row(s.page, `E2E issued at once ${RUN}`)
    await issued.filter({ hasText: "Issued" }).waitFor()
    const number = (await issued.textContent())!.match(/CM-\d+/)![0]

    const draftForm = await fillNewMemo(`E2E issued from the list ${RUN}`, "8")
    await draftForm.getByTestId("save-draft").click()
    await successNotice(s.page, "Draft credit memo saved")
    await rowAction(s.page, `Actions for draft memo E2E issued from the list ${RUN}`, "Issue…")
    await confirmPrompt(s.page, "Issue")
    await successNotice(s.page, /Credit memo CM-\d+ issued/)
    await row(s.page, `E2E issued from the list ${RUN}`).filter({ hasText: "Issued" }).waitFor()

    // A void dated before the memo is refused on the date field; on the memo's date it voids.
    await rowAction(s.page, `Actions for ${number}`, "Void…")
    const drawer = s.page.getByRole("dialog")
    await drawer.getByTestId("action-date").fill("2000-01-01")
    await drawer.getByTestId("action-confirm").click()
    expect(await fieldError(drawer, "Date")).toMatch(/before/)
    await drawer.getByTestId("action-date").fill(today)
    await drawer.getByTestId("action-confirm").click()
    await successNotice(s.page, `Credit memo ${number} voided`)
    await issued.filter({ hasText: "Voided" }).waitFor()
  })

  it("issues an internal memo and records the invoicing plugin's legal credit-note number once", async () => {
    await open()
    const dialog = await fillNewMemo(`E2E internal ${RUN}`, "12")
    await dialog.getByTestId("memo-internal").click()
    await dialog.getByTestId("memo-issue").click()
    await successNotice(s.page, /Credit memo CM-\d+ issued/)
    const memo = row(s.page, `E2E internal ${RUN}`)
    const number = (await memo.filter({ hasText: "Issued" }).textContent())!.match(/CM-\d+/)![0]

    await rowAction(s.page, `Actions for ${number}`, "Record legal number…")
    const drawer = s.page.getByRole("dialog")
    await drawer.getByTestId("action-confirm").click()
    expect(await fieldError(drawer, "Legal credit note number")).toBe("Enter the credit note's number")
    await drawer.getByTestId("action-reason").fill(`AV-${RUN}`)
    await drawer.getByTestId("action-confirm").click()
    await successNotice(s.page, `Legal number AV-${RUN} recorded on ${number}`)
    const { credit_memos } = await api(s.page, `/admin/credit-memos?q=AV-${RUN}`)
    expect(credit_memos.map((m: any) => [m.number, m.internal, m.legal_number])).toEqual([[number, true, `AV-${RUN}`]])
    // Recorded once: the action is no longer offered.
    await s.page.getByRole("button", { name: `Actions for ${number}` }).click()
    await s.page.getByRole("menuitem", { name: "Download PDF" }).waitFor()
    expect(await s.page.getByRole("menuitem", { name: "Record legal number…" }).count()).toBe(0)
    await s.page.keyboard.press("Escape")
  })

  it("applies a memo to an open order picked by number, date and open amount, then unapplies it", async () => {
    await open()
    const memoRow = row(s.page, "Loyalty discount")
    await memoRow.waitFor()
    const number = (await memoRow.textContent())!.match(/CM-\d+/)![0]
    await rowAction(s.page, `Actions for ${number}`, "Apply to an order…")
    const drawer = s.page.getByRole("dialog")
    await drawer.getByTestId("open-order-select").click()
    const options = s.page.getByRole("option")
    await options.first().waitFor()
    const offered = await options.allTextContents()
    expect(offered.length).toBe(2)
    for (const text of offered) {
      expect(text).toMatch(/^#\d+ · \w{3} \d{1,2}, \d{4} · \$[\d,.]+ open$/)
    }
    const orderNumber = offered[0].split(" · ")[0]
    await options.first().click()
    expect(await drawer.getByTestId("apply-amount").inputValue()).toBe("40.00")

    await drawer.getByTestId("apply-amount").fill("50")
    await drawer.getByTestId("apply-confirm").click()
    expect(await fieldError(drawer, "Amount")).toBe("The memo has $40.00 left")
    await drawer.getByTestId("apply-amount").fill("15")
    await drawer.getByTestId("apply-confirm").click()
    await successNotice(s.page, `Applied; $25.00 remains on ${number}`)
    await memoRow.filter({ hasText: `Order ${orderNumber}: $15.00` }).waitFor()

    await rowAction(s.page, `Actions for ${number}`, `Unapply from ${orderNumber}…`)
    await confirmPrompt(s.page, "Unapply")
    await successNotice(s.page, `$40.00 remains on ${number}`)
    await memoRow.filter({ hasNotText: `Order ${orderNumber}` }).waitFor()
  })

  it("downloads an issued memo's PDF", async () => {
    await open()
    const memoRow = row(s.page, "Loyalty discount")
    const number = (await memoRow.textContent())!.match(/CM-\d+/)![0]
    const file = await download(s.page, () => rowAction(s.page, `Actions for ${number}`, "Download PDF"))
    expect(file.name).toBe(`credit-memo-${number}.pdf`)
    const pdf = await readPdf(file.data)
    expect(pdf.text).toContain(number)
    expect(pdf.text).toContain("Katherine Johnson")
    await shot(s.page, "credit-memos")
  })
})
