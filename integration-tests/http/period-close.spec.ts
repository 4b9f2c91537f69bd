// Closing a period: the checklist, a forced close, and the lock date.
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ACCOUNTING_MODULE } from "../../src/modules/accounting"
import type AccountingModuleService from "../../src/modules/accounting/service"
import { AdminHeaders, createAdmin, refused } from "../helpers/admin"
import { injectToday } from "../helpers/clock"
import { orderSnapshot, syncSnapshot } from "../helpers/orders"

jest.setTimeout(180_000)
injectToday("2026-06-30")

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let container: MedusaContainer
    let admin: AdminHeaders
    const knex = () => dbConnection as any
    const accounting = () => container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)

    beforeEach(async () => {
      container = getContainer()
      admin = await createAdmin(container, { permissions: ["*"] })
    })

    const entry = (entry_date: string) => ({
      entry_date,
      currency_code: "usd",
      memo: "Accrual",
      lines: [
        { account_id: "acct_1000", debit: "40.00" },
        { account_id: "acct_4000", credit: "40.00" },
      ],
    })
    const period = async (name: string, start_date: string, end_date: string) =>
      (await api.post("/admin/accounting/periods", { name, start_date, end_date }, admin)).data.period
    const counts = (checklist: any) =>
      Object.fromEntries(checklist.items.map((i: any) => [i.key, [i.blocking, i.count]]))

    it("lists what blocks the close, refuses it, and closes it only when forced with a reason (audited)", async () => {
      const january = await period("January 2026", "2026-01-01", "2026-01-31")
      const draft = (await api.post("/admin/accounting/journal-entries", entry("2026-01-15"), admin)).data
        .journal_entry
      await accounting().recordPostingError({
        source_type: "order",
        source_id: "order_stuck",
        message: "No account is mapped",
        code: "ACCOUNT_NOT_MAPPED",
      })
      await syncSnapshot(
        container,
        orderSnapshot({ id: "order_jan", customer_id: "cus_1", currency_code: "usd", total: "80.00", date: "2026-01-10" })
      )

      const { data } = await api.get(`/admin/accounting/periods/${january.id}/checklist`, admin)
      expect(data.checklist).toMatchObject({ period_id: january.id, as_of: "2026-01-31", can_close: false, blocking: 2 })
      expect(counts(data.checklist)).toEqual({
        draft_journal_entries: [true, 1],
        draft_credit_memos: [true, 0],
        unposted_customer_refunds: [true, 0],
        pending_posting_errors: [true, 1],
        unapplied_payments: [false, 0],
        clearing_balances: [false, 0],
        reconciliation_differences: [true, 0],
      })
      const drafts = data.checklist.items.find((i: any) => i.key === "draft_journal_entries")
      expect(drafts.entries).toEqual([{ id: draft.id, reference: "Accrual", date: "2026-01-15" }])

      const blocked = await refused(api.post(`/admin/accounting/periods/${january.id}/close`, {}, admin))
      expect(blocked.status).toBe(409)
      expect(blocked.data.code).toBe("PERIOD_CHECKLIST_BLOCKED")
      expect(blocked.data.message).toContain("Draft journal entries dated in the period (1)")

      const noReason = await refused(
        api.post(`/admin/accounting/periods/${january.id}/close`, { force: true }, admin)
      )
      expect(noReason.status).toBe(400)
      expect(noReason.data.message).toContain("a forced close needs a reason")

      const clerk = await createAdmin(container, {
        email: "clerk@example.com",
        permissions: ["journal:*", "reports:view"],
      })
      const notAllowed = await refused(
        api.post(`/admin/accounting/periods/${january.id}/close`, { force: true, reason: "x" }, clerk)
      )
      expect(notAllowed.status).toBe(403)

      const forced = await api.post(
        `/admin/accounting/periods/${january.id}/close`,
        { force: true, reason: "Draft accrual belongs to February" },
        admin
      )
      expect(forced.data.period).toMatchObject({ status: "closed", closed_by: admin.user_id })
      const { rows } = await knex().raw(
        `select data from accounting_audit_event where entity_type = 'period' and entity_id = ? and action = 'close'`,
        [january.id]
      )
      expect(rows.map((r: any) => r.data)).toEqual([
        {
          reason: "Draft accrual belongs to February",
          forced: true,
          blocking: { draft_journal_entries: 1, pending_posting_errors: 1 },
        },
      ])
    })

    it("closes without force once the checklist is clear, and shows unapplied payments without blocking", async () => {
      const february = await period("February 2026", "2026-02-01", "2026-02-28")
      await syncSnapshot(
        container,
        orderSnapshot({ id: "order_feb", customer_id: "cus_2", currency_code: "usd", total: "80.00", date: "2026-02-10" })
      )
      const { data } = await api.get(`/admin/accounting/periods/${february.id}/checklist`, admin)
      expect(data.checklist).toMatchObject({ can_close: true, blocking: 0 })
      const closed = await api.post(`/admin/accounting/periods/${february.id}/close`, {}, admin)
      expect(closed.data.period.status).toBe("closed")
      const missing = await refused(api.get(`/admin/accounting/periods/aper_missing/checklist`, admin))
      expect(missing.status).toBe(404)
    })

    it("lets only periods:manage set the lock date and post on or before it (PERIOD_LOCKED)", async () => {
      const settingsOnly = await createAdmin(container, {
        email: "settings@example.com",
        permissions: ["settings:manage", "journal:*"],
      })
      const denied = await refused(
        api.post("/admin/accounting/settings", { lock_date: "2026-03-31" }, settingsOnly)
      )
      expect(denied.status).toBe(403)
      expect(denied.data.message).toContain("periods:manage")
      const bad = await refused(api.post("/admin/accounting/settings", { lock_date: "31/03/2026" }, admin))
      expect(bad.status).toBe(400)

      const set = await api.post("/admin/accounting/settings", { lock_date: "2026-03-31" }, admin)
      expect(set.data.settings.lock_date).toBe("2026-03-31")

      const draft = (await api.post("/admin/accounting/journal-entries", entry("2026-03-31"), settingsOnly)).data
        .journal_entry
      const locked = await refused(api.post(`/admin/accounting/journal-entries/${draft.id}/post`, {}, settingsOnly))
      expect(locked).toMatchObject({ status: 409, data: { code: "PERIOD_LOCKED" } })
      const after = (await api.post("/admin/accounting/journal-entries", entry("2026-04-01"), settingsOnly)).data
        .journal_entry
      const postedAfter = await api.post(`/admin/accounting/journal-entries/${after.id}/post`, {}, settingsOnly)
      expect(postedAfter.data.journal_entry.status).toBe("posted")

      // A manager (no permission list: everything) may post before it.
      const posted = await api.post(`/admin/accounting/journal-entries/${draft.id}/post`, {}, admin)
      expect(posted.data.journal_entry).toMatchObject({ status: "posted", entry_date: "2026-03-31" })

      // Store activity dated before it parks with the error, and the rest of the order posts.
      const result = await syncSnapshot(
        container,
        orderSnapshot({ id: "order_mar", customer_id: "cus_3", currency_code: "usd", total: "80.00", date: "2026-03-20" })
      )
      expect(result.failed?.map((f) => f.code)).toEqual(["PERIOD_LOCKED"])
    })
  },
})
