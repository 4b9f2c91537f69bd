// Issue 17 part 4: reason codes on credit memos, refunds and write-offs
// (configured in settings, checked everywhere, shown in lists and the refund
// audit trail), and a goodwill refund in one step from an order.
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { today } from "../../src/modules/accounting/rules/dates"
import { postCustomerRefundWorkflow } from "../../src/workflows/customer-refunds"
import { createCustomer, ensureStore, placeOrder, StoreFixture } from "../../dev/demo/store-fixture"
import { AdminHeaders, createAdmin, grantPermissions, refused } from "../helpers/admin"
import { expectArTiesOut, glLines, waitForArDocument } from "../helpers/ledger"

jest.setTimeout(240_000)

// Fault injection: the refund of a goodwill refund whose note is GOODWILL-FAIL is refused
// after its memo was issued (the refundValidated hook throws), to prove the memo is voided.
postCustomerRefundWorkflow.hooks.refundValidated(async ({ refund }) => {
  if (refund.memo === "GOODWILL-FAIL") {
    throw new Error("injected refund failure")
  }
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let container: MedusaContainer
    let fixture: StoreFixture
    let admin: AdminHeaders
    const knex = () => dbConnection as any
    const date = today()
    let seq = 0

    beforeAll(async () => {
      container = getContainer()
      fixture = await ensureStore(container, { currencies: ["usd", "eur"] })
    })
    beforeEach(async () => {
      admin = await createAdmin(container, { email: `rc${++seq}${Date.now()}@example.com` })
    })

    const count = async (table: string) =>
      Number((await knex().raw(`select count(*)::int as n from ${table}`)).rows[0].n)
    const counts = async () => ({
      memos: await count("accounting_credit_memo"),
      refunds: await count("accounting_customer_refund"),
      write_offs: await count("accounting_write_off"),
      entries: await count("accounting_journal_entry"),
    })
    const customerWithOrder = async () => {
      const customer = await createCustomer(container, {
        email: `g${++seq}${Date.now()}@example.com`,
        first_name: "Gail",
        last_name: "Goodwill",
      })
      const placed = await placeOrder(container, fixture, {
        customer_id: customer.id,
        email: customer.email,
        currency_code: "usd",
        items: [{ variant_id: fixture.variant_ids.widget, quantity: 1 }],
      })
      await waitForArDocument(knex(), placed.order_id)
      return { customer_id: customer.id, order_id: placed.order_id }
    }
    const memoBody = (customer_id: string, over: Record<string, unknown> = {}) => ({
      customer_id,
      currency_code: "usd",
      date,
      reason: "Box arrived crushed",
      lines: [{ description: "Allowance", amount: "12.30", kind: "adjustment" }],
      ...over,
    })
    const settings = (body: Record<string, unknown>) => api.post("/admin/accounting/settings", body, admin)
    const memoCodes = async () => (await api.get("/admin/accounting/reason-codes", admin)).data.reason_codes

    describe("settings", () => {
      it("starts from the default lists, none required, and adds, relabels and deactivates codes", async () => {
        const codes = await memoCodes()
        expect(codes.credit_memo.required).toBe(false)
        expect(codes.credit_memo.codes.map((c: any) => c.code)).toEqual([
          "damaged",
          "late_delivery",
          "pricing_error",
          "goodwill",
          "duplicate",
          "other",
        ])
        expect(codes.write_off.codes.map((c: any) => c.code)).toEqual(
          expect.arrayContaining(["uncollectible", "small_balance", "dispute_lost", "bad_debt"])
        )

        const next = [
          ...codes.credit_memo.codes.map((c: any) => (c.code === "duplicate" ? { ...c, active: false } : c)),
          { code: "wrong_size", label: "Wrong size" },
        ]
        const { data } = await settings({ reason_codes: { credit_memo: { codes: next, required: true } } })
        expect(data.settings.reason_codes.credit_memo).toMatchObject({ required: true })
        expect(data.settings.reason_codes.credit_memo.codes).toEqual(
          expect.arrayContaining([
            { code: "wrong_size", label: "Wrong size", active: true },
            { code: "duplicate", label: "Duplicate charge", active: false },
          ])
        )
        // Other types are untouched.
        expect(data.settings.reason_codes.customer_refund.required).toBe(false)
        // Back to optional for the other tests; the list stays as saved.
        await settings({ reason_codes: { credit_memo: { required: false } } })
        const saved = await memoCodes()
        expect(saved.credit_memo.required).toBe(false)
        expect(saved.credit_memo.codes.find((c: any) => c.code === "duplicate")).toMatchObject({ active: false })
      })

      it("refuses malformed lists and a list dropping a code with 400, changing nothing", async () => {
        const before = await memoCodes()
        const bad = [
          { credit_memo: { codes: [{ code: "Bad Code", label: "x" }] } },
          { credit_memo: { codes: [{ code: "damaged", label: "" }] } },
          { credit_memo: { required: "yes" } },
          { refunds: { required: true } },
          {
            credit_memo: {
              codes: [
                { code: "damaged", label: "A" },
                { code: "damaged", label: "B" },
              ],
            },
          },
        ]
        for (const reason_codes of bad) {
          const res = await refused(settings({ reason_codes }))
          expect(res).toMatchObject({ status: 400, data: { type: "invalid_data" } })
        }
        const dropped = await refused(
          settings({ reason_codes: { credit_memo: { codes: before.credit_memo.codes.slice(1) } } })
        )
        expect(dropped.status).toBe(400)
        expect(dropped.data.message).toContain("damaged missing; deactivate")
        expect(await memoCodes()).toEqual(before)
      })
    })

    describe("documents", () => {
      it("refuses unknown, inactive and missing required codes on memos, refunds and write-offs, writing nothing", async () => {
        const { customer_id, order_id } = await customerWithOrder()
        // The runner resets the database between tests: deactivate a code for this one.
        const codes = (await memoCodes()).credit_memo.codes
        await settings({
          reason_codes: {
            credit_memo: { codes: codes.map((c: any) => (c.code === "duplicate" ? { ...c, active: false } : c)) },
          },
        })
        const before = await counts()

        const unknown = await refused(api.post("/admin/credit-memos", memoBody(customer_id, { reason_code: "made_up" }), admin))
        expect(unknown).toMatchObject({ status: 400, data: { code: "UNKNOWN_REASON_CODE" } })
        const inactive = await refused(
          api.post("/admin/credit-memos", memoBody(customer_id, { reason_code: "duplicate", issue: true }), admin)
        )
        expect(inactive).toMatchObject({ status: 400, data: { code: "UNKNOWN_REASON_CODE" } })
        expect(inactive.data.message).toContain("no longer active")
        // A write-off code is not a refund code.
        const refund = await refused(
          api.post(
            "/admin/customer-refunds",
            {
              customer_id,
              currency_code: "usd",
              refund_date: date,
              method: "check",
              reason_code: "small_balance",
              lines: [{ source_type: "credit_memo", source_id: "cmemo_missing", amount: "1" }],
            },
            admin
          )
        )
        expect(refund).toMatchObject({ status: 400, data: { code: "UNKNOWN_REASON_CODE" } })
        const writeOff = await refused(
          api.post("/admin/write-offs", { order_id, amount: "1", date, reason_code: "goodwill" }, admin)
        )
        expect(writeOff).toMatchObject({ status: 400, data: { code: "UNKNOWN_REASON_CODE" } })

        await settings({
          reason_codes: { credit_memo: { required: true }, customer_refund: { required: true }, write_off: { required: true } },
        })
        try {
          const memoMissing = await refused(api.post("/admin/credit-memos", memoBody(customer_id), admin))
          expect(memoMissing).toMatchObject({ status: 400, data: { code: "REASON_CODE_REQUIRED" } })
          const woMissing = await refused(api.post("/admin/write-offs", { order_id, amount: "1", date }, admin))
          expect(woMissing).toMatchObject({ status: 400, data: { code: "REASON_CODE_REQUIRED" } })
          const bulkMissing = await refused(
            api.post("/admin/write-offs/bulk", { currency_code: "usd", threshold: "1", date }, admin)
          )
          expect(bulkMissing).toMatchObject({ status: 400, data: { code: "REASON_CODE_REQUIRED" } })
          expect(await counts()).toEqual(before)
        } finally {
          await settings({
            reason_codes: {
              credit_memo: { required: false },
              customer_refund: { required: false },
              write_off: { required: false },
            },
          })
        }
      })

      it("refuses to issue a draft without a code once a code is required, and issues it with one", async () => {
        const { customer_id } = await customerWithOrder()
        const { data } = await api.post("/admin/credit-memos", memoBody(customer_id), admin)
        const id = data.credit_memo.id
        expect(data.credit_memo.reason_code).toBeNull()
        await settings({ reason_codes: { credit_memo: { required: true } } })
        try {
          const entries = await count("accounting_journal_entry")
          const issue = await refused(api.post(`/admin/credit-memos/${id}/issue`, {}, admin))
          expect(issue).toMatchObject({ status: 400, data: { code: "REASON_CODE_REQUIRED" } })
          expect(await count("accounting_journal_entry")).toBe(entries)
          await api.post(`/admin/credit-memos/${id}`, { reason_code: "damaged" }, admin)
          const issued = await api.post(`/admin/credit-memos/${id}/issue`, {}, admin)
          expect(issued.data.credit_memo).toMatchObject({ status: "issued", reason_code: "damaged" })
        } finally {
          await settings({ reason_codes: { credit_memo: { required: false } } })
        }
      })

      it("shows the code and its label in the lists and the code in the refund audit trail", async () => {
        const { customer_id, order_id } = await customerWithOrder()
        const memo = (
          await api.post("/admin/credit-memos", memoBody(customer_id, { reason_code: "late_delivery", issue: true }), admin)
        ).data.credit_memo
        const refund = (
          await api.post(
            "/admin/customer-refunds",
            {
              customer_id,
              currency_code: "usd",
              refund_date: date,
              method: "check",
              reason_code: "late_delivery",
              lines: [{ source_type: "credit_memo", source_id: memo.id, amount: "12.30" }],
              post: true,
            },
            admin
          )
        ).data.customer_refund
        const wo = (
          await api.post("/admin/write-offs", { order_id, amount: "0.50", date, reason_code: "small_balance" }, admin)
        ).data.write_off

        const memos = (await api.get(`/admin/credit-memos?customer_id=${customer_id}`, admin)).data.credit_memos
        expect(memos).toEqual([
          expect.objectContaining({ id: memo.id, reason_code: "late_delivery", reason_label: "Late delivery" }),
        ])
        const refunds = (await api.get(`/admin/customer-refunds?customer_id=${customer_id}`, admin)).data
          .customer_refunds
        expect(refunds).toEqual([
          expect.objectContaining({ id: refund.id, reason_code: "late_delivery", reason_label: "Late delivery" }),
        ])
        const wos = (await api.get(`/admin/write-offs?order_id=${order_id}`, admin)).data.write_offs
        expect(wos).toEqual([
          expect.objectContaining({ id: wo.id, reason_code: "small_balance", reason_label: "Small balance" }),
        ])

        const audit = (
          await api.get(`/admin/accounting/reports/refund-audit?from=${date}&to=${date}&customer_id=${customer_id}`, admin)
        ).data.sections[0].rows
        expect(audit.map((r: any) => [r.kind, r.reason_code])).toEqual(
          expect.arrayContaining([
            ["Credit memo", "late_delivery"],
            ["Refund", "late_delivery"],
          ])
        )
        const csv = (
          await api.get(
            `/admin/accounting/reports/refund-audit?from=${date}&to=${date}&customer_id=${customer_id}&format=csv`,
            admin
          )
        ).data as string
        expect(csv).toContain("Reason code,Reason / reference")
        expect(csv).toContain("late_delivery")
      })
    })

    describe("goodwill refund", () => {
      const goodwill = (order_id: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
        api.post(
          `/admin/orders/${order_id}/goodwill-refunds`,
          { amount: "25.50", currency_code: "usd", reason_code: "goodwill", method: "check", note: "Sorry for the wait", ...body },
          { headers: { ...admin.headers, ...headers } }
        )

      it("issues an allowance memo and posts a check refund drawing on it, with the exact GL lines", async () => {
        const { customer_id, order_id } = await customerWithOrder()
        const res = await goodwill(order_id)
        expect(res.status).toBe(200)
        const { credit_memo, customer_refund } = res.data
        expect(credit_memo).toMatchObject({
          status: "issued",
          number: expect.stringMatching(/^CM-/),
          customer_id,
          order_id,
          reason: "Sorry for the wait",
          reason_code: "goodwill",
          reason_label: "Goodwill",
          total: "25.50",
          remaining_amount: "0.00",
          lines: [expect.objectContaining({ kind: "adjustment", amount: "25.50" })],
        })
        expect(customer_refund).toMatchObject({
          status: "posted",
          number: expect.stringMatching(/^RF-/),
          customer_id,
          method: "check",
          reason_code: "goodwill",
          memo: "Sorry for the wait",
          total: "25.50",
          lines: [expect.objectContaining({ source_type: "credit_memo", source_id: credit_memo.id, amount: "25.50" })],
        })
        // Memo: Dr Sales Returns & Allowances / Cr AR. Refund by check: Dr AR / Cr Bank.
        expect(await glLines(knex(), "credit_memo", credit_memo.id)).toEqual([
          ["4100", "25.5", "0"],
          ["1100", "0", "25.5"],
        ])
        expect(await glLines(knex(), "customer_refund", customer_refund.id)).toEqual([
          ["1100", "25.5", "0"],
          ["1000", "0", "25.5"],
        ])
        // The order's accounting shows the memo and its refund.
        const { order_accounting } = (await api.get(`/admin/orders/${order_id}/accounting`, admin)).data
        expect(order_accounting.credit_memos).toEqual([
          expect.objectContaining({ id: credit_memo.id, status: "issued", total: "25.50" }),
        ])
        expect(order_accounting.customer_refunds).toEqual([
          expect.objectContaining({ id: customer_refund.id, status: "posted", total: "25.50" }),
        ])
        await expectArTiesOut(knex())
      })

      it("answers a retry with the same Idempotency-Key with the first answer and posts once", async () => {
        const { order_id } = await customerWithOrder()
        const before = await counts()
        const key = `gw-${Date.now()}`
        const first = await goodwill(order_id, { amount: "10" }, { "Idempotency-Key": key })
        const again = await goodwill(order_id, { amount: "10" }, { "Idempotency-Key": key })
        expect(again.headers["idempotent-replayed"]).toBe("true")
        expect(again.data.customer_refund.id).toBe(first.data.customer_refund.id)
        expect(again.data.credit_memo.id).toBe(first.data.credit_memo.id)
        const after = await counts()
        expect(after.memos - before.memos).toBe(1)
        expect(after.refunds - before.refunds).toBe(1)
        expect(after.entries - before.entries).toBe(2)
        const conflict = await refused(goodwill(order_id, { amount: "11" }, { "Idempotency-Key": key }))
        expect(conflict).toMatchObject({ status: 409, data: { code: "IDEMPOTENCY_CONFLICT" } })
      })

      it("refuses a wrong currency, an unknown reason, an amount above the order or an approval threshold, writing nothing", async () => {
        const { order_id } = await customerWithOrder()
        const before = await counts()
        expect(await refused(goodwill(order_id, { currency_code: "eur" }))).toMatchObject({
          status: 422,
          data: { code: "CURRENCY_MISMATCH" },
        })
        expect(await refused(goodwill(order_id, { reason_code: "made_up" }))).toMatchObject({
          status: 400,
          data: { code: "UNKNOWN_REASON_CODE" },
        })
        expect(await refused(goodwill(order_id, { amount: "1.234" }))).toMatchObject({ status: 400 })
        expect(await refused(goodwill(order_id, { amount: "100000" }))).toMatchObject({
          status: 422,
          data: { code: "MEMO_EXCEEDS_ORDER" },
        })
        expect(await refused(goodwill(order_id, { method: "card" }))).toMatchObject({
          status: 422,
          data: { code: "PAYMENT_REQUIRED" },
        })
        await settings({ approvals: { customer_refund: { usd: "20" } } })
        try {
          expect(await refused(goodwill(order_id))).toMatchObject({ status: 409, data: { code: "APPROVAL_REQUIRED" } })
        } finally {
          await settings({ approvals: { customer_refund: null } })
        }
        expect(await counts()).toEqual(before)
        // Only the memo's and the refund's thresholds apply, not another document's.
        await settings({ approvals: { write_off: { usd: "1" } } })
        try {
          expect((await goodwill(order_id, { amount: "2.00" })).status).toBe(200)
        } finally {
          await settings({ approvals: { write_off: null } })
        }
      })

      it("voids the memo when the refund fails after it was issued", async () => {
        const { order_id } = await customerWithOrder()
        const before = await counts()
        const failed = await refused(goodwill(order_id, { note: "GOODWILL-FAIL" }))
        expect(failed.status).toBeGreaterThanOrEqual(400)
        const after = await counts()
        expect(after.refunds).toBe(before.refunds)
        expect(after.memos - before.memos).toBe(1)
        const { rows } = await knex().raw(
          `select id, status from accounting_credit_memo where order_id = ? and reason = 'GOODWILL-FAIL'`,
          [order_id]
        )
        expect(rows).toEqual([expect.objectContaining({ status: "voided" })])
        // Its entry and the mirror: nothing left standing against the order.
        expect(await glLines(knex(), "credit_memo", rows[0].id)).toEqual([
          ["4100", "25.5", "0"],
          ["1100", "0", "25.5"],
          ["4100", "0", "25.5"],
          ["1100", "25.5", "0"],
        ])
        await expectArTiesOut(knex())
      })

      it("needs both the memo issue and the refund post permissions", async () => {
        const { order_id } = await customerWithOrder()
        // The first grant ends the bootstrap: someone must keep access:manage (the last test of the file).
        await grantPermissions(container, admin.user_id!, ["*"])
        const clerk = await createAdmin(container, {
          email: `clerk${Date.now()}@example.com`,
          permissions: ["credit_memos:issue", "credit_memos:add"],
        })
        const res = await refused(
          api.post(
            `/admin/orders/${order_id}/goodwill-refunds`,
            { amount: "5", currency_code: "usd", reason_code: "goodwill", method: "check" },
            clerk
          )
        )
        expect(res).toMatchObject({ status: 403, data: { code: "PERMISSION_DENIED" } })
        expect(res.data.message).toContain("customer_refunds:post")
      })
    })
  },
})
