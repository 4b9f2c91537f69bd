// Write-offs join maker-checker (issue 16): above the store's threshold a
// write-off is a draft, with nothing booked, until a second user approves it.
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { AdminHeaders, createAdmin, refused } from "../helpers/admin"
import { injectToday } from "../helpers/clock"
import { expectArTiesOut, glLines } from "../helpers/ledger"
import { orderSnapshot, syncSnapshot } from "../helpers/orders"

jest.setTimeout(240_000)

const TODAY = injectToday("2031-12-31")

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let container: MedusaContainer
    let owner: AdminHeaders
    let clerk: AdminHeaders
    let approver: AdminHeaders
    const knex = () => dbConnection as any
    let seq = 0
    const uid = (p: string) => `${p}_${++seq}`

    const order = async (total: string, currency_code = "usd") => {
      const id = uid("order")
      await syncSnapshot(
        container,
        orderSnapshot({ id, customer_id: "cus_wo", currency_code, total, date: "2031-06-01" })
      )
      return id
    }
    const openOf = async (orderId: string) =>
      (
        await knex().raw(
          `select coalesce(sum(open_amount), 0)::text as open from accounting_ar_document
            where order_id = ? and sign = 1 and void_date is null`,
          [orderId]
        )
      ).rows[0].open
    const entries = async () =>
      Number((await knex().raw(`select count(*)::int as n from accounting_journal_entry`)).rows[0].n)
    const writeOff = (order_id: string, amount: string, who: AdminHeaders) =>
      api.post("/admin/write-offs", { order_id, amount, date: "2031-06-30", reason_code: "uncollectible" }, who)

    beforeEach(async () => {
      container = getContainer()
      owner = await createAdmin(container, { email: "owner@example.com", permissions: ["*"] })
      clerk = await createAdmin(container, {
        email: "clerk@example.com",
        permissions: ["writeoffs:list", "writeoffs:view", "writeoffs:create", "writeoffs:post"],
      })
      approver = await createAdmin(container, {
        email: "approver@example.com",
        permissions: ["writeoffs:approve", "writeoffs:view"],
      })
      await api.post("/admin/accounting/settings", { approvals: { write_off: { usd: "100" } } }, owner)
    })

    it("posts a write-off at the threshold at once", async () => {
      const o = await order("250.00")
      const { data } = await writeOff(o, "100", clerk)
      expect(data.write_off).toMatchObject({ status: "posted", approval_status: "not_required", amount: "100.00" })
      expect(await openOf(o)).toBe("150")
    })

    it("keeps one above the threshold as a draft until a second user approves it, then posts it", async () => {
      const o = await order("250.00")
      const before = await entries()
      const { data } = await writeOff(o, "150.5", clerk)
      const id = data.write_off.id
      expect(data.write_off).toMatchObject({
        status: "draft",
        approval_status: "pending",
        number: null,
        journal_entry_id: null,
        amount: "150.50",
      })
      expect(await entries()).toBe(before)
      expect(await openOf(o)).toBe("250")

      const early = await refused(api.post(`/admin/write-offs/${id}/post`, {}, clerk))
      expect(early).toMatchObject({ status: 409, data: { code: "APPROVAL_REQUIRED" } })
      expect(early.data.message).toContain("writeoffs:approve")
      // The database refuses it too, whatever path tries.
      await expect(
        knex().raw(`update accounting_write_off set status = 'posted', number = 'WO-X', journal_entry_id = 'x' where id = ?`, [id])
      ).rejects.toThrow(/APPROVAL_REQUIRED/)

      const queue = (await api.get("/admin/accounting/approvals", approver)).data
      expect(queue.approvals).toEqual([
        expect.objectContaining({ document_type: "write_off", id, amount: "150.50", currency_code: "usd" }),
      ])
      expect((await refused(api.get("/admin/accounting/approvals", clerk))).status).toBe(403)

      const approved = (await api.post(`/admin/write-offs/${id}/approve`, {}, approver)).data.write_off
      expect(approved).toMatchObject({ status: "draft", approval_status: "approved", approved_by: approver.user_id })
      const posted = (await api.post(`/admin/write-offs/${id}/post`, {}, clerk)).data.write_off
      expect(posted).toMatchObject({ status: "posted", number: expect.stringMatching(/^WO-\d{5}$/) })
      expect(await glLines(knex(), "write_off", id)).toEqual([
        ["6100", "150.5", "0"],
        ["1100", "0", "150.5"],
      ])
      expect(await openOf(o)).toBe("99.5")
      expect((await refused(api.post(`/admin/write-offs/${id}/post`, {}, clerk))).data.code).toBe("ALREADY_POSTED")
      expect((await refused(api.delete(`/admin/write-offs/${id}`, clerk))).data.code).toBe("ALREADY_POSTED")
      const actions = (
        await knex().raw(
          `select action, actor_id from accounting_audit_event where entity_type = 'write_off' and entity_id = ? order by created_at, id`,
          [id]
        )
      ).rows
      expect(actions).toEqual([
        { action: "create", actor_id: clerk.user_id },
        { action: "approve", actor_id: approver.user_id },
        { action: "post", actor_id: clerk.user_id },
      ])
      await expectArTiesOut(knex())
    })

    it("posts an approved draft once when two users post it at the same time", async () => {
      const o = await order("300.00")
      const id = (await writeOff(o, "120", clerk)).data.write_off.id
      await api.post(`/admin/write-offs/${id}/approve`, {}, approver)
      const before = await entries()
      const results = await Promise.allSettled([
        api.post(`/admin/write-offs/${id}/post`, {}, clerk),
        api.post(`/admin/write-offs/${id}/post`, {}, owner),
      ])
      const statuses = results.map((r) => (r.status === "fulfilled" ? r.value.status : (r.reason as any).response?.status))
      expect(statuses.sort()).toEqual([200, 409])
      const refusal = results.find((r) => r.status === "rejected") as PromiseRejectedResult
      expect(refusal.reason.response.data.code).toBe("ALREADY_POSTED")
      expect(await entries()).toBe(before + 1)
      expect(await openOf(o)).toBe("180")
    })

    it("refuses the creator's own approval, in the API and in the database", async () => {
      const o = await order("500.00")
      const id = (await writeOff(o, "300", owner)).data.write_off.id
      const res = await refused(api.post(`/admin/write-offs/${id}/approve`, {}, owner))
      expect(res).toMatchObject({ status: 403, data: { code: "SAME_USER_APPROVAL" } })
      await expect(
        knex().raw(
          `update accounting_write_off set approval_status = 'approved', approved_by = created_by where id = ?`,
          [id]
        )
      ).rejects.toThrow(/approver_not_creator/)
    })

    it("re-checks the balance when an approved draft is posted after the order was paid", async () => {
      const o = await order("200.00")
      const id = (await writeOff(o, "150", clerk)).data.write_off.id
      await api.post(`/admin/write-offs/${id}/approve`, {}, approver)
      await api.post(
        "/admin/received-payments",
        { customer_id: "cus_wo", currency_code: "usd", date: "2031-07-01", method: "check", amount: "100" },
        owner
      )
      const before = await entries()
      const res = await refused(api.post(`/admin/write-offs/${id}/post`, {}, clerk))
      expect(res).toMatchObject({ status: 422, data: { code: "WRITE_OFF_EXCEEDS_BALANCE" } })
      expect(await entries()).toBe(before)
      expect((await api.get(`/admin/write-offs/${id}`, clerk)).data.write_off.status).toBe("draft")
    })

    it("rejects a draft with a reason, which then cannot be posted, and deletes it", async () => {
      const o = await order("400.00")
      const id = (await writeOff(o, "400", clerk)).data.write_off.id
      const rejected = (
        await api.post(`/admin/write-offs/${id}/reject`, { reason: "Collections still working on it" }, approver)
      ).data.write_off
      expect(rejected).toMatchObject({ approval_status: "rejected", rejection_reason: "Collections still working on it" })
      expect((await refused(api.post(`/admin/write-offs/${id}/post`, {}, clerk))).data.code).toBe("APPROVAL_REQUIRED")
      expect((await refused(api.post(`/admin/write-offs/${id}/void`, { date: TODAY }, owner))).data.code).toBe(
        "NOT_POSTED"
      )
      expect((await api.delete(`/admin/write-offs/${id}`, clerk)).data).toEqual({
        id,
        object: "write_off",
        deleted: true,
      })
      expect((await refused(api.get(`/admin/write-offs/${id}`, clerk))).status).toBe(404)
      expect(await openOf(o)).toBe("400")
    })

    it("refuses a bulk run whose threshold is above the approval threshold, writing nothing", async () => {
      await order("150.00")
      const before = await entries()
      const res = await refused(
        api.post(
          "/admin/write-offs/bulk",
          { currency_code: "usd", threshold: "200", date: "2031-06-30", reason_code: "small_balance" },
          owner
        )
      )
      expect(res).toMatchObject({ status: 409, data: { code: "APPROVAL_REQUIRED" } })
      expect(await entries()).toBe(before)
      expect(Number((await knex().raw(`select count(*)::int as n from accounting_write_off`)).rows[0].n)).toBe(0)
    })
  },
})
