// Concurrency, injected faults and access control (docs/RELIABILITY.md).
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { readFileSync } from "fs"
import path from "path"
import { createCustomer } from "../../dev/demo/store-fixture"
import { completeCustomerRefundWorkflow } from "../../src/workflows/customer-refunds"
import { AdminHeaders, createAdmin, refused } from "../helpers/admin"
import { issueMemo, memoRefundBody } from "../helpers/credit"
import { expectArTiesOut, glLines } from "../helpers/ledger"
import { orderSnapshot, syncSnapshot } from "../helpers/orders"
import { injectToday } from "../helpers/clock"

// The documents of this suite are dated in 2031: that is "today" for the plugin.
injectToday("2031-12-31")

jest.setTimeout(240_000)

const DATE = "2031-03-10"

/** Settles every request, failing (and naming them) if any is still hanging after `ms`. */
async function settleWithin<T>(requests: Promise<T>[], ms = 60_000) {
  let done = 0
  const tracked = requests.map((r) => r.finally(() => done++))
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`${requests.length - done} requests still hanging after ${ms} ms`)), ms).unref()
  )
  return await Promise.race([Promise.allSettled(tracked), timeout])
}

/** "status code" of each settled request, counted. */
function outcomes(results: PromiseSettledResult<any>[]) {
  const counts: Record<string, number> = {}
  for (const r of results) {
    const key =
      r.status === "fulfilled" ? String(r.value.status) : `${r.reason.response?.status} ${r.reason.response?.data?.code}`
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}

// Fault injection after posting: the hook fails only for refunds referenced HOOK-FAIL.
completeCustomerRefundWorkflow.hooks.refundPosted(async ({ input }, { container }) => {
  const accounting: any = container.resolve("accounting")
  const refund = await accounting.retrieveCustomerRefund(input.id)
  if (refund.reference === "HOOK-FAIL") {
    throw new Error("injected failure after posting")
  }
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let container: MedusaContainer
    let admin: AdminHeaders
    let customer_id: string
    const knex = () => dbConnection as any
    const count = async (table: string) =>
      (await knex().raw(`select count(*)::int as n from ${table}`)).rows[0].n as number

    beforeEach(async () => {
      container = getContainer()
      admin = await createAdmin(container)
      customer_id = (
        await createCustomer(container, { email: `r${Date.now()}@example.com`, first_name: "Rel", last_name: "Iable" })
      ).id
    })

    const issuedMemo = (amount: string) => issueMemo(api, admin, { customer_id, amount, date: DATE })
    const refundBody = (memo: string, amount: string, over: Record<string, unknown> = {}) =>
      memoRefundBody(customer_id, memo, amount, DATE, over)

    describe("concurrency", () => {
      it("applies a memo of 100 from 30 parallel requests of 10 exactly 10 times", async () => {
        const orders: string[] = []
        for (const n of [1, 2, 3]) {
          const snap = orderSnapshot({ id: `order_c${n}`, customer_id, currency_code: "usd", total: "1000", date: DATE })
          await syncSnapshot(container, snap)
          orders.push(snap.id)
        }
        const memo = await issuedMemo("100")
        const results = await settleWithin(
          Array.from({ length: 30 }, (_, i) =>
            api.post(`/admin/credit-memos/${memo}/applications`, { order_id: orders[i % 3], amount: "10", date: DATE }, admin)
          )
        )
        const counts = outcomes(results)
        expect(counts["200"]).toBe(10)
        expect(Object.keys(counts).filter((k) => k !== "200")).toEqual(["422 APPLICATION_EXCEEDS_OPEN"])
        const { data } = await api.get(`/admin/credit-memos/${memo}`, admin)
        expect(data.credit_memo.remaining_amount).toBe("0.00")
        const { rows } = await knex().raw(
          `select sum(amount)::text as applied from accounting_ar_application where unapplied_date is null and kind <> 'auto'`
        )
        expect(rows[0].applied).toBe("100")
        await expectArTiesOut(knex())
      })

      it("posts a double submit once with an Idempotency-Key, and once by credit without one", async () => {
        const memo = await issuedMemo("10")
        const headers = { headers: { ...admin.headers, "Idempotency-Key": "double-submit-1" } }
        const keyed = await settleWithin(
          Array.from({ length: 10 }, () => api.post("/admin/customer-refunds", refundBody(memo, "10"), headers))
        )
        const keyedCounts = outcomes(keyed)
        // Retries while the first is running are told so; the rest get the first answer.
        expect(Object.keys(keyedCounts).every((k) => k === "200" || k === "409 IDEMPOTENCY_IN_PROGRESS")).toBe(true)
        const ids = new Set(
          keyed.filter((r) => r.status === "fulfilled").map((r: any) => r.value.data.customer_refund.id)
        )
        expect(ids.size).toBe(1)
        expect(await count("accounting_customer_refund")).toBe(1)

        const memo2 = await issuedMemo("10")
        const unkeyed = await settleWithin(
          Array.from({ length: 10 }, () => api.post("/admin/customer-refunds", refundBody(memo2, "10"), admin))
        )
        expect(outcomes(unkeyed)).toEqual({ "200": 1, "422 REFUND_EXCEEDS_CREDIT": 9 })
        expect(await count("accounting_customer_refund")).toBe(2)
        await expectArTiesOut(knex())
      })

      it("closes a period while 20 entries post into it: each lands before the close or is refused", async () => {
        const period = await api.post(
          "/admin/accounting/periods",
          { name: "May 2031", start_date: "2031-05-01", end_date: "2031-05-31" },
          admin
        )
        const drafts = []
        for (let i = 0; i < 20; i++) {
          const { data } = await api.post(
            "/admin/accounting/journal-entries",
            {
              entry_date: "2031-05-15",
              currency_code: "usd",
              lines: [
                { account_id: "acct_1000", debit: "5" },
                { account_id: "acct_4000", credit: "5" },
              ],
            },
            admin
          )
          drafts.push(data.journal_entry.id)
        }
        const posts = drafts.map((id) => api.post(`/admin/accounting/journal-entries/${id}/post`, {}, admin))
        const close = api.post(`/admin/accounting/periods/${period.data.period.id}/close`, {}, admin)
        const results = await settleWithin([...posts.slice(0, 10), close, ...posts.slice(10)])
        const counts = outcomes(results)
        expect(Object.keys(counts).every((k) => k === "200" || k === "409 PERIOD_CLOSED")).toBe(true)
        const { rows } = await knex().raw(
          `select count(*) filter (where e.posted_at > p.closed_at)::int as after_close,
                  count(*)::int as posted
             from accounting_journal_entry e, accounting_period p
            where p.id = ? and e.status = 'posted' and e.entry_date between '2031-05-01' and '2031-05-31'`,
          [period.data.period.id]
        )
        expect(rows[0].after_close).toBe(0)
        expect(rows[0].posted + (counts["409 PERIOD_CLOSED"] ?? 0)).toBe(20)
      })
    })

    describe("faults", () => {
      const storeCreditTransactions = async () => count("store_credit_account_transaction")

      it("rolls back a store-credit refund whose loyalty step fails: no entry, credit intact", async () => {
        const memo = await issuedMemo("40")
        const storeCredit: any = container.resolve("store_credit")
        const original = storeCredit.creditAccounts
        storeCredit.creditAccounts = async () => {
          throw new Error("loyalty service unavailable (injected)")
        }
        try {
          const failed = await refused(
            api.post("/admin/customer-refunds", refundBody(memo, "40", { method: "store_credit", post: false }), admin).then(
              ({ data }: any) => api.post(`/admin/customer-refunds/${data.customer_refund.id}/post`, {}, admin)
            )
          )
          expect(failed).toMatchObject({ status: 422, data: { code: "STORE_CREDIT_FAILED" } })
          expect(failed.data.message).toContain("loyalty service unavailable")
        } finally {
          storeCredit.creditAccounts = original
        }
        const [refund] = (await api.get(`/admin/customer-refunds?customer_id=${customer_id}`, admin)).data.customer_refunds
        expect(refund).toMatchObject({ status: "draft", number: null, journal_entry_id: null })
        expect(await glLines(knex(), "customer_refund", refund.id)).toEqual([])
        expect(await storeCreditTransactions()).toBe(0)
        const memoAfter = await api.get(`/admin/credit-memos/${memo}`, admin)
        expect(memoAfter.data.credit_memo.remaining_amount).toBe("40.00")
        const audit = await knex().raw(
          `select action, data->>'reason' as reason from accounting_audit_event where entity_id = ? order by created_at`,
          [refund.id]
        )
        expect(audit.rows).toEqual([
          { action: "create", reason: null },
          { action: "reserve", reason: null },
          { action: "release", reason: "posting failed before any money moved" },
        ])
      })

      /** The journal refuses entries whose memo matches `pattern` (a database fault while posting them). */
      const withJournalFault = async (pattern: string, run: () => Promise<void>) => {
        await knex().raw(`
          create function accounting_test_fault() returns trigger language plpgsql as $$
          begin
            if new.memo like '${pattern}' then raise exception 'injected database fault'; end if;
            return new;
          end $$;
          create trigger accounting_test_fault before insert on accounting_journal_entry
            for each row execute function accounting_test_fault();`)
        try {
          await run()
        } finally {
          await knex().raw(
            `drop trigger if exists accounting_test_fault on accounting_journal_entry; drop function if exists accounting_test_fault();`
          )
        }
      }
      const withBookingFault = (run: () => Promise<void>) => withJournalFault("%FAULT-INJECT%", run)

      it("rolls back a refund when the database fails while booking it and no money moved", async () => {
        const memo = await issuedMemo("30")
        await withBookingFault(async () => {
          const failed = await refused(
            api.post("/admin/customer-refunds", refundBody(memo, "30", { method: "check", reference: "FAULT-INJECT" }), admin)
          )
          expect(failed.status).toBeGreaterThanOrEqual(500)
        })
        // Create-and-post answers the failure, keeps nothing: no refund, entry, number or consumption.
        expect(await count("accounting_customer_refund")).toBe(0)
        const { rows } = await knex().raw(
          `select count(*)::int as n from accounting_journal_entry where source_type = 'customer_refund'`
        )
        expect(rows[0].n).toBe(0)
        const memoAfter = await api.get(`/admin/credit-memos/${memo}`, admin)
        expect(memoAfter.data.credit_memo.remaining_amount).toBe("30.00")
        // The number the failed posting took was handed back: no gap.
        const next = await api.post("/admin/customer-refunds", refundBody(memo, "30"), admin)
        expect(next.data.customer_refund.number).toBe("RF-00001")
        await expectArTiesOut(knex())
      })

      it("completes a store-credit refund forward when booking fails after the credit was granted", async () => {
        const memo = await issuedMemo("30")
        let id = ""
        await withBookingFault(async () => {
          const pending = await api.post(
            "/admin/customer-refunds",
            refundBody(memo, "30", { method: "store_credit", reference: "FAULT-INJECT" }),
            admin
          )
          expect(pending.status).toBe(202)
          expect(pending.data.customer_refund).toMatchObject({ status: "money_moved", number: null })
          id = pending.data.customer_refund.id
          // Granted once, kept: the customer holds 30 of store credit, the memo stays reserved.
          expect(await storeCreditTransactions()).toBe(1)
          expect((await api.get(`/admin/credit-memos/${memo}`, admin)).data.credit_memo.remaining_amount).toBe("30.00")
          const again = await refused(api.post(`/admin/customer-refunds/${id}/post`, {}, admin))
          expect(again.data.code).toBe("POSTING_IN_PROGRESS")
        })
        const error = (await api.get(`/admin/accounting/posting-errors?status=pending`, admin)).data.posting_errors[0]
        const retried = await api.post(`/admin/accounting/posting-errors/${error.id}/retry`, {}, admin)
        expect(retried.data.posting_error.status).toBe("resolved")
        expect((await api.get(`/admin/customer-refunds/${id}`, admin)).data.customer_refund).toMatchObject({
          status: "posted",
          number: "RF-00001",
        })
        expect(await storeCreditTransactions()).toBe(1)
        expect(await glLines(knex(), "customer_refund", id)).toEqual([
          ["1100", "30", "0"],
          ["2200", "0", "30"],
        ])
        await expectArTiesOut(knex())
      })

      it("keeps a store-credit refund posted and its credit where it was when its void fails after taking the credit back", async () => {
        const memo = await issuedMemo("30")
        const { data } = await api.post("/admin/customer-refunds", refundBody(memo, "30", { method: "store_credit", reference: "VOID-FAULT" }), admin)
        const id = data.customer_refund.id
        const balance = async () =>
          (await api.get(`/admin/store-credit-accounts?customer_id=${customer_id}`, admin)).data.store_credit_accounts[0].balance
        expect(await balance()).toBe(30)
        // The journal refuses the void's reversal: after the loyalty debit, while the mirror entry is inserted.
        await withJournalFault("Void of refund%", async () => {
          const failed = await refused(api.post(`/admin/customer-refunds/${id}/void`, { date: DATE }, admin))
          expect(failed.status).toBeGreaterThanOrEqual(500)
        })
        // The debit that took the credit back was compensated: the customer keeps 30, the refund stays posted.
        expect(await balance()).toBe(30)
        expect((await api.get(`/admin/customer-refunds/${id}`, admin)).data.customer_refund.status).toBe("posted")
        expect((await api.get(`/admin/credit-memos/${memo}`, admin)).data.credit_memo.remaining_amount).toBe("0.00")
        await expectArTiesOut(knex())
      })

      it("keeps a posted refund whole when a hook after posting fails", async () => {
        const memo = await issuedMemo("20")
        const answer = await api.post(
          "/admin/customer-refunds",
          refundBody(memo, "20", { method: "store_credit", reference: "HOOK-FAIL" }),
          admin
        )
        // The posting is final: refund, entry and store credit stay together, and the answer says so.
        expect(answer.status).toBe(200)
        const [refund] = (await api.get(`/admin/customer-refunds?customer_id=${customer_id}`, admin)).data.customer_refunds
        expect(refund.status).toBe("posted")
        expect(await glLines(knex(), "customer_refund", refund.id)).toEqual([
          ["1100", "20", "0"],
          ["2200", "0", "20"],
        ])
        const accounts = await api.get(`/admin/store-credit-accounts?customer_id=${customer_id}`, admin)
        expect(accounts.data.store_credit_accounts[0].balance).toBe(20)
        await expectArTiesOut(knex())
      })
    })

    describe("access", () => {
      const spec = JSON.parse(readFileSync(path.join(__dirname, "../../docs/openapi.json"), "utf8"))
      const operations: { method: string; url: string; permission?: string }[] = Object.entries(spec.paths).flatMap(
        ([p, ops]: [string, any]) =>
          Object.entries(ops).map(([method, op]: [string, any]) => ({
            method,
            url: p.replace(/\{[^}]+\}/g, "x_1"),
            permission: op["x-accounting-permission"],
          }))
      )
      const send = (o: { method: string; url: string }, config: any = {}) =>
        (api as any)[o.method](o.url, ...(o.method === "post" ? [{}, config] : [config]))

      it(`refuses all ${operations.length} admin operations without a login (401)`, async () => {
        expect(operations.length).toBeGreaterThanOrEqual(40)
        for (const o of operations) {
          const res = await refused(send(o))
          expect({ op: `${o.method} ${o.url}`, status: res.status }).toEqual({ op: `${o.method} ${o.url}`, status: 401 })
        }
      })

      it("answers 400 naming the fields to a malformed body on every route that takes one", async () => {
        const withBody = Object.entries(spec.paths).flatMap(([p, ops]: [string, any]) =>
          Object.entries(ops)
            .filter(([, op]: [string, any]) => op.requestBody?.content?.["application/json"])
            .map(([method]) => ({ method, url: p.replace(/\{[^}]+\}/g, "x_1") }))
        )
        expect(withBody.length).toBeGreaterThanOrEqual(19)
        for (const o of withBody) {
          const res = await refused((api as any)[o.method](o.url, { unexpected_field: 1 }, admin))
          expect({ op: `${o.method} ${o.url}`, status: res.status, code: res.data.code }).toEqual({
            op: `${o.method} ${o.url}`,
            status: 400,
            code: "INVALID_DATA",
          })
          // The message names the fields: missing ones first, else the unexpected one.
          expect(res.data.message).toMatch(/^Invalid request: ([a-z_.0-9]+: |Unrecognized field\(s\): unexpected_field)/)
        }
      })

      // Per-permission refusals: integration-tests/http/access-control.spec.ts.

      it("exposes nothing of the accounting data on the store API", async () => {
        const apiKeys = container.resolve(Modules.API_KEY)
        const key = await apiKeys.createApiKeys({ title: "Web", type: "publishable", created_by: "test" })
        const store = { headers: { "x-publishable-api-key": key.token } }
        await issuedMemo("10")
        for (const url of [
          "/store/credit-memos",
          "/store/customer-refunds",
          "/store/accounting/journal-entries",
          "/store/accounting/reports/ar-aging",
          `/store/customers/${customer_id}/available-credits`,
          "/store/customers/me/accounting",
        ]) {
          const res = await refused(api.get(url, store))
          expect({ url, status: res.status }).toEqual({ url, status: url.includes("/me/") ? 401 : 404 })
        }
      })
    })
  },
})
