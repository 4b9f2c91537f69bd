import type { Locator } from "playwright-core"
import {
  AdminSession,
  RUN,
  api,
  choose,
  chooseCustomer,
  closeAdmin,
  confirmPrompt,
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
 * Accounting → Refunds, every action it offers, on Margaret's "Service
 * credit" memo (seeded, $500): amounts checked against what remains before
 * anything is sent; post by each method the demo supports (card and store
 * credit included); drafts posted from the list or deleted; voids of a
 * check, of a card refund (books only, with a reason) and of store credit.
 */
describe("refunds", () => {
  let s: AdminSession
  const today = new Date().toISOString().slice(0, 10)

  beforeAll(async () => {
    s = await openAdmin()
  })
  afterAll(() => closeAdmin(s))

  /** The refunds page; a test that follows another on it carries on there (a reload costs seconds). */
  const open = async () => {
    if (!/\/accounting\/refunds(\?|$)/.test(s.page.url())) {
      await goto(s.page, "/accounting/refunds")
    }
    await row(s.page, /RF-\d+/).first().waitFor({ timeout: 60_000 })
  }
  /** Opens "Refund credits" for Margaret and ticks her service-credit memo, with `amount`. */
  const startRefund = async (amount: string): Promise<Locator> => {
    const newRefund = s.page.getByTestId("new-refund")
    if (await newRefund.isDisabled()) {
      await chooseCustomer(s.page, s.page.locator("body"), "Margaret")
    }
    await newRefund.click()
    const dialog = s.page.getByRole("dialog")
    const credit = dialog.getByTestId("available-credit").filter({ hasText: "Credit memo" }).first()
    await credit.waitFor()
    await credit.getByRole("checkbox").click()
    await credit.getByTestId("refund-line-amount").fill(amount)
    return dialog
  }
  const numberOf = async (reference: string) => {
    const r = row(s.page, reference)
    await r.waitFor()
    return (await r.textContent())!.match(/RF-\d+/)![0]
  }

  it("checks each amount against what remains before sending anything", async () => {
    await open()
    const before = (await api(s.page, "/admin/customer-refunds?limit=1")).count
    const dialog = await startRefund("600")
    const memoLabel = (await dialog.getByTestId("available-credit").first().textContent())!.match(/CM-\d+/)![0]
    await dialog.getByTestId("refund-post").click()
    expect(await fieldError(dialog, `Amount to refund from ${memoLabel}`)).toMatch(/^At most \$[\d,.]+ remains$/)
    await dialog.getByTestId("refund-line-amount").first().fill("1.234")
    await dialog.getByTestId("refund-post").click()
    expect(await fieldError(dialog, `Amount to refund from ${memoLabel}`)).toBe("USD amounts have at most 2 decimals")
    await dialog.getByRole("button", { name: "Cancel" }).click()
    expect((await api(s.page, "/admin/customer-refunds?limit=1")).count).toBe(before)
  })

  it.each([
    ["check", "Check"],
    ["eft", "EFT / wire"],
    ["cash", "Cash"],
    ["record_transfer", "Recorded transfer"],
    ["store_credit", "Store credit"],
    ["card", "Card"],
  ])("posts a refund paid by %s", async (method, label) => {
    await open()
    const dialog = await startRefund("10")
    await choose(s.page, dialog.getByTestId("refund-method"), new RegExp(`^${label}`))
    if (method === "card") {
      await dialog.getByTestId("refund-post").click()
      expect(await fieldError(dialog, "Card payment to refund")).toBe("Choose the card payment to refund")
      await choose(s.page, dialog.getByTestId("refund-payment"), /refundable/)
    }
    await dialog.getByTestId("refund-reference").fill(`E2E-${method}-${RUN}`)
    expect(await dialog.getByTestId("refund-total").textContent()).toBe("Total $10.00")
    await dialog.getByTestId("refund-post").click()
    await successNotice(s.page, /Refund RF-\d+ posted/)
    const posted = row(s.page, `E2E-${method}-${RUN}`)
    await posted.filter({ hasText: "Posted" }).waitFor()
    expect(await posted.textContent()).toContain("Margaret Hamilton")
    expect(await posted.textContent()).toContain(label)
    expect(await posted.textContent()).toContain("$10.00")
  })

  it("saves a draft, posts it from the list after confirming, and deletes another draft", async () => {
    await open()
    let dialog = await startRefund("5")
    await dialog.getByTestId("refund-reference").fill(`E2E-draft-to-post-${RUN}`)
    await dialog.getByTestId("save-draft").click()
    await successNotice(s.page, "saved as a draft")
    await row(s.page, `E2E-draft-to-post-${RUN}`).filter({ hasText: "Draft" }).waitFor()
    await rowAction(s.page, `Actions for draft refund E2E-draft-to-post-${RUN}`, "Post…")
    await confirmPrompt(s.page, "Post refund")
    await successNotice(s.page, /Refund RF-\d+ posted/)
    await row(s.page, `E2E-draft-to-post-${RUN}`).filter({ hasText: "Posted" }).waitFor()

    dialog = await startRefund("5")
    await dialog.getByTestId("refund-reference").fill(`E2E-draft-to-delete-${RUN}`)
    await dialog.getByTestId("save-draft").click()
    await row(s.page, `E2E-draft-to-delete-${RUN}`).waitFor()
    await rowAction(s.page, `Actions for draft refund E2E-draft-to-delete-${RUN}`, "Delete draft…")
    await confirmPrompt(s.page, "Delete draft")
    await successNotice(s.page, "Draft refund deleted")
    await row(s.page, `E2E-draft-to-delete-${RUN}`).waitFor({ state: "detached" })
  })

  it("voids a check refund, refusing a date before the refund next to the date", async () => {
    await open()
    const number = await numberOf(`E2E-check-${RUN}`)
    await rowAction(s.page, `Actions for ${number}`, "Void…")
    const drawer = s.page.getByRole("dialog")
    await drawer.getByTestId("action-date").fill("2000-01-01")
    await drawer.getByTestId("action-confirm").click()
    expect(await fieldError(drawer, "Date")).toMatch(/before the refund date/)
    await drawer.getByTestId("action-date").fill(today)
    await drawer.getByTestId("action-confirm").click()
    await successNotice(s.page, `Refund ${number} voided`)
    await row(s.page, `E2E-check-${RUN}`).filter({ hasText: "Voided" }).waitFor()
  })

  it("voids a card refund in the books only, with a reason", async () => {
    await open()
    const number = await numberOf(`E2E-card-${RUN}`)
    await rowAction(s.page, `Actions for ${number}`, "Void…")
    const drawer = s.page.getByRole("dialog")
    await drawer.getByTestId("action-confirm").click()
    expect(await fieldError(drawer, /^Reason/)).toBe("Say why (it is kept in the audit trail)")
    await drawer.getByTestId("action-reason").fill("Provider reports the refund bounced")
    await drawer.getByTestId("action-confirm").click()
    await drawer.getByText("Confirm that only the books change").waitFor()
    await drawer.getByTestId("action-record-only").click()
    await drawer.getByTestId("action-confirm").click()
    await successNotice(s.page, `Refund ${number} voided`)
    const voided = row(s.page, `E2E-card-${RUN}`)
    await voided.filter({ hasText: "Voided" }).waitFor()
    expect(await voided.textContent()).toContain("books only")
    const { customer_refunds } = await api(s.page, `/admin/customer-refunds?q=E2E-card-${RUN}`)
    expect(customer_refunds[0]).toMatchObject({ void_record_only: true, void_reason: "Provider reports the refund bounced" })
  })

  it("voids a store credit refund, taking the store credit back", async () => {
    await open()
    const number = await numberOf(`E2E-store_credit-${RUN}`)
    await rowAction(s.page, `Actions for ${number}`, "Void…")
    const drawer = s.page.getByRole("dialog")
    await drawer.getByText("of store credit is taken back").waitFor()
    await drawer.getByTestId("action-confirm").click()
    await successNotice(s.page, `Refund ${number} voided`)
    await row(s.page, `E2E-store_credit-${RUN}`).filter({ hasText: "Voided" }).waitFor()
    await shot(s.page, "refunds")
  })
})
