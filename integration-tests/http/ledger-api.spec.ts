import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { AdminHeaders, createAdmin, refused } from "../helpers/admin"

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders

    beforeEach(async () => {
      admin = await createAdmin(getContainer())
    })

    const entry = (over: Record<string, unknown> = {}) => ({
      entry_date: "2026-04-01",
      currency_code: "usd",
      memo: "Manual adjustment",
      lines: [
        { account_id: "acct_1000", debit: "250.10" },
        { account_id: "acct_4000", credit: "250.10" },
      ],
      ...over,
    })

    describe("accounts and settings", () => {
      it("lists the default chart and adds an account", async () => {
        const list = await api.get("/admin/accounting/accounts?limit=100", admin)
        expect(list.data.count).toBe(16)
        expect(list.data.accounts[0]).toMatchObject({
          code: "1000",
          name: "Bank",
          type: "asset",
          active: true,
        })

        const created = await api.post(
          "/admin/accounting/accounts",
          { code: "1010", name: "Second bank", type: "asset" },
          admin
        )
        expect(created.data.account).toMatchObject({ code: "1010", active: true })

        const dup = await refused(
          api.post("/admin/accounting/accounts", { code: "1010", name: "x", type: "asset" }, admin)
        )
        expect(dup.status).toBe(400)
        expect(dup.data.message).toMatch(/code.*1010.*already exists/)

        const renamed = await api.post(
          `/admin/accounting/accounts/${created.data.account.id}`,
          { name: "Savings" },
          admin
        )
        expect(renamed.data.account.name).toBe("Savings")
      })

      it("maps a refund method to another account and keeps sequence counters moving forward", async () => {
        const { data } = await api.post(
          "/admin/accounting/settings",
          {
            method_accounts: { check: "acct_1200" },
            provider_accounts: { pp_stripe_stripe: "acct_1210" },
            sequences: [{ type: "customer_refund", prefix: "REF-", padding: 4 }],
            payment_terms: {
              default_days: 30,
              customer_groups: [{ customer_group_id: "cusgroup_vip", days: 60 }],
            },
            aging_buckets: [15, 30, 60],
          },
          admin
        )
        expect(data.settings.method_accounts.check.code).toBe("1200")
        expect(data.settings.provider_accounts.pp_stripe_stripe.code).toBe("1210")
        expect(data.settings.sequences.find((s: any) => s.type === "customer_refund")).toMatchObject({
          prefix: "REF-",
          padding: 4,
        })
        expect(data.settings.payment_terms).toEqual({
          default_days: 30,
          customer_groups: [{ customer_group_id: "cusgroup_vip", days: 60 }],
        })
        expect(data.settings.aging_buckets).toEqual([15, 30, 60])

        const bad = await refused(
          api.post(
            "/admin/accounting/settings",
            { sequences: [{ type: "journal_entry", next_value: 0 }] },
            admin
          )
        )
        expect(bad.status).toBe(400)
        expect(bad.data.message).toContain("sequences.0.next_value")

        const unknownAccount = await refused(
          api.post("/admin/accounting/settings", { role_accounts: { ar: "acct_nope" } }, admin)
        )
        expect(unknownAccount.status).toBe(400)
        expect(unknownAccount.data.message).toContain("acct_nope")
      })
    })

    describe("journal entries", () => {
      it("creates a draft, posts it and reverses it through the API", async () => {
        const created = await api.post("/admin/accounting/journal-entries", entry(), admin)
        const draft = created.data.journal_entry
        expect(draft).toMatchObject({ status: "draft", number: null })
        expect(draft.lines.map((l: any) => [l.account.code, l.debit, l.credit])).toEqual([
          ["1000", "250.10", "0.00"],
          ["4000", "0.00", "250.10"],
        ])

        const posted = await api.post(`/admin/accounting/journal-entries/${draft.id}/post`, {}, admin)
        expect(posted.data.journal_entry).toMatchObject({ status: "posted", number: "JE-000001" })
        expect(posted.data.journal_entry.posted_by).toBe(admin.user_id)

        const again = await refused(api.post(`/admin/accounting/journal-entries/${draft.id}/post`, {}, admin))
        expect(again).toMatchObject({ status: 409, data: { code: "ALREADY_POSTED" } })

        const early = await refused(
          api.post(`/admin/accounting/journal-entries/${draft.id}/reverse`, { date: "2026-03-31" }, admin)
        )
        expect(early).toMatchObject({ status: 422, data: { code: "DATE_BEFORE_ORIGINAL" } })

        const reversed = await api.post(
          `/admin/accounting/journal-entries/${draft.id}/reverse`,
          { date: "2026-04-02" },
          admin
        )
        expect(reversed.data.journal_entry).toMatchObject({
          status: "reversed",
          reversed_by_id: reversed.data.reversal.id,
        })
        expect(reversed.data.reversal).toMatchObject({
          status: "posted",
          reversal_of_id: draft.id,
          number: "JE-000002",
        })
        expect(reversed.data.reversal.lines.map((l: any) => [l.account.code, l.debit, l.credit])).toEqual([
          ["1000", "0.00", "250.10"],
          ["4000", "250.10", "0.00"],
        ])

        const filtered = await api.get(
          "/admin/accounting/journal-entries?account_id=acct_1000&status=posted",
          admin
        )
        expect(filtered.data.journal_entries.map((e: any) => e.number)).toEqual(["JE-000002"])

        const verify = await api.get("/admin/accounting/journal-entries/verify", admin)
        expect(verify.data).toEqual({ valid: true, checked: 2 })

        const listed = await api.get("/admin/accounting/journal-entries?order=chain_seq", admin)
        expect(
          listed.data.journal_entries.map((e: any) => [e.number, e.amount, e.reversible, e.customer])
        ).toEqual([
          ["JE-000001", "250.10", false, null],
          ["JE-000002", "250.10", true, null],
        ])
        const detail = await api.get(`/admin/accounting/journal-entries/${reversed.data.reversal.id}`, admin)
        expect(detail.data.journal_entry.reversible).toBe(true)
        expect(detail.data.journal_entry.lines[0]).toMatchObject({ customer: null, order: null })
      })

      it("refuses to edit or delete a posted entry (409 IMMUTABLE) and leaves it unchanged", async () => {
        const { data } = await api.post("/admin/accounting/journal-entries", entry(), admin)
        const id = data.journal_entry.id
        await api.post(`/admin/accounting/journal-entries/${id}`, { memo: "Draft edit is fine" }, admin)
        await api.post(`/admin/accounting/journal-entries/${id}/post`, {}, admin)

        const edit = await refused(
          api.post(`/admin/accounting/journal-entries/${id}`, { memo: "tampered" }, admin)
        )
        expect(edit).toMatchObject({ status: 409, data: { code: "IMMUTABLE" } })
        const del = await refused(api.delete(`/admin/accounting/journal-entries/${id}`, admin))
        expect(del).toMatchObject({ status: 409, data: { code: "IMMUTABLE" } })

        const after = await api.get(`/admin/accounting/journal-entries/${id}`, admin)
        expect(after.data.journal_entry).toMatchObject({ status: "posted", memo: "Draft edit is fine" })
      })

      it("deletes a draft", async () => {
        const { data } = await api.post("/admin/accounting/journal-entries", entry(), admin)
        const res = await api.delete(`/admin/accounting/journal-entries/${data.journal_entry.id}`, admin)
        expect(res.data).toEqual({ id: data.journal_entry.id, object: "journal_entry", deleted: true })
        expect(
          (await refused(api.get(`/admin/accounting/journal-entries/${data.journal_entry.id}`, admin))).status
        ).toBe(404)
      })

      it("refuses an unbalanced entry with 422 UNBALANCED_ENTRY and too many decimals with 400", async () => {
        const unbalanced = await refused(
          api.post(
            "/admin/accounting/journal-entries",
            entry({
              lines: [
                { account_id: "acct_1000", debit: "10" },
                { account_id: "acct_4000", credit: "9.99" },
              ],
            }),
            admin
          )
        )
        expect(unbalanced).toMatchObject({ status: 422, data: { code: "UNBALANCED_ENTRY" } })

        const jpy = await refused(
          api.post(
            "/admin/accounting/journal-entries",
            entry({
              currency_code: "jpy",
              lines: [
                { account_id: "acct_1000", debit: "10.5" },
                { account_id: "acct_4000", credit: "10.5" },
              ],
            }),
            admin
          )
        )
        expect(jpy.status).toBe(400)
        expect(jpy.data.message).toContain("lines.0.debit")
        expect((await api.get("/admin/accounting/journal-entries", admin)).data.count).toBe(0)
      })
    })

    describe("periods", () => {
      it("closes a period, refuses posting into it, reopens it", async () => {
        const { data } = await api.post(
          "/admin/accounting/periods",
          { name: "April 2026", start_date: "2026-04-01", end_date: "2026-04-30" },
          admin
        )
        const closed = await api.post(`/admin/accounting/periods/${data.period.id}/close`, {}, admin)
        expect(closed.data.period).toMatchObject({ status: "closed", closed_by: admin.user_id })

        const draft = (await api.post("/admin/accounting/journal-entries", entry(), admin)).data.journal_entry
        const post = await refused(api.post(`/admin/accounting/journal-entries/${draft.id}/post`, {}, admin))
        expect(post).toMatchObject({ status: 409, data: { code: "PERIOD_CLOSED" } })

        const overlap = await refused(
          api.post(
            "/admin/accounting/periods",
            { name: "x", start_date: "2026-04-15", end_date: "2026-05-15" },
            admin
          )
        )
        expect(overlap).toMatchObject({ status: 409, data: { code: "PERIOD_OVERLAP" } })

        await api.post(`/admin/accounting/periods/${data.period.id}/reopen`, {}, admin)
        const posted = await api.post(`/admin/accounting/journal-entries/${draft.id}/post`, {}, admin)
        expect(posted.data.journal_entry.status).toBe("posted")
      })

      it("keeps the reason of each close and reopen in the period's history, with who did it", async () => {
        const { data } = await api.post(
          "/admin/accounting/periods",
          { name: "May 2026", start_date: "2026-05-01", end_date: "2026-05-31" },
          admin
        )
        const id = data.period.id
        await api.post(`/admin/accounting/periods/${id}/close`, { reason: "Books final for May" }, admin)
        const reopened = await api.post(
          `/admin/accounting/periods/${id}/reopen`,
          { reason: "Late supplier invoice" },
          admin
        )
        expect(reopened.data.period).toMatchObject({
          status: "open",
          reopened_by_user: { id: admin.user_id, name: "Test Admin" },
        })
        expect(reopened.data.period.history.map((h: any) => [h.action, h.reason, h.actor?.name])).toEqual([
          ["reopen", "Late supplier invoice", "Test Admin"],
          ["close", "Books final for May", "Test Admin"],
        ])
        const listed = await api.get("/admin/accounting/periods", admin)
        expect(listed.data.periods.find((p: any) => p.id === id).history).toHaveLength(2)

        const markup = await refused(
          api.post(`/admin/accounting/periods/${id}/close`, { reason: "<b>x</b>" }, admin)
        )
        expect(markup.status).toBe(400)
        expect(markup.data.message).toContain("reason")
        const unknown = await refused(api.post(`/admin/accounting/periods/${id}/close`, { why: "x" }, admin))
        expect(unknown.status).toBe(400)
        expect((await api.get("/admin/accounting/periods", admin)).data.periods[0].status).toBe("open")
      })
    })
  },
})
