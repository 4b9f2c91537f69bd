// POST /admin/customer-refunds/import: a CSV read strictly, run through importCustomerRefundsWorkflow.
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createCustomer } from "../../dev/demo/store-fixture"
import { today } from "../../src/modules/accounting/rules/dates"
import { AccountingEvents } from "../../src/modules/accounting/events"
import { importCustomerRefundsWorkflow } from "../../src/workflows/customer-refunds"
import { AdminHeaders, createAdmin, refused } from "../helpers/admin"
import { issueMemo } from "../helpers/credit"
import { waitFor } from "../helpers/ledger"

jest.setTimeout(240_000)

const HEADER =
  "refund_ref,customer_id,currency_code,refund_date,method,reference,source_type,source_id,amount"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let container: MedusaContainer
    let admin: AdminHeaders
    let customer_id: string
    const knex = () => dbConnection as any
    const date = today()
    /** What the refundsImported hook received, call by call; set `refuse` to make it throw. */
    const hook = { calls: [] as { ids: string[]; errors: unknown[] }[], refuse: false }
    const importedEvents: { id: string }[] = []

    beforeAll(async () => {
      container = getContainer()
      // Registered once, as a store's src/workflows/hooks file would be.
      importCustomerRefundsWorkflow.hooks.refundsImported(async ({ ids, errors }) => {
        hook.calls.push({ ids, errors })
        if (hook.refuse) {
          throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Imports are closed during the audit")
        }
      })
      container
        .resolve(Modules.EVENT_BUS)
        .subscribe(AccountingEvents.CUSTOMER_REFUND_IMPORTED, async (event: any) => {
          importedEvents.push(event.data)
        })
    })

    beforeEach(async () => {
      admin = await createAdmin(container)
      customer_id = (
        await createCustomer(container, {
          email: `i${Date.now()}@example.com`,
          first_name: "Im",
          last_name: "Port",
        })
      ).id
      hook.calls.length = 0
      hook.refuse = false
    })

    const issuedMemo = (amount: string) => issueMemo(api, admin, { customer_id, amount, date })
    const row = (ref: string, amount: string, memo: string) =>
      `${ref},${customer_id},usd,${date},check,CHK-${ref},credit_memo,${memo},${amount}`
    const upload = (lines: string[], query = "") => {
      const form = new FormData()
      form.append("file", new Blob([[HEADER, ...lines].join("\n")], { type: "text/csv" }), "refunds.csv")
      return api.post(`/admin/customer-refunds/import${query}`, form, admin)
    }
    const refundCount = async () =>
      (await knex().raw(`select count(*)::int as n from accounting_customer_refund`)).rows[0].n
    /** Each refund's stored total and line amounts, exactly as the database holds them. */
    const stored = async (ids: string[]) =>
      (
        await knex().raw(
          `select r.reference, r.raw_total->>'value' as total,
                  array_agg(l.raw_amount->>'value' order by l.raw_amount->>'value') as amounts
             from accounting_customer_refund r join accounting_customer_refund_line l on l.refund_id = r.id
            where r.id = any(?) group by r.id, r.reference, r.raw_total order by r.reference`,
          [ids]
        )
      ).rows

    it("creates drafts with exact amounts from a valid file, through the hook and one event each", async () => {
      const [memo, other] = [await issuedMemo("2000"), await issuedMemo("1")]
      const { data } = await upload([
        row("A", "0.10", memo),
        row("A", "0.20", other),
        row("B", "1234.56", memo),
      ])
      expect(data.errors).toEqual([])
      const ids = data.created.map((r: any) => r.id)
      expect(data.created.map((r: any) => [r.status, r.reference])).toEqual([
        ["draft", "CHK-A"],
        ["draft", "CHK-B"],
      ])
      expect(await stored(ids)).toEqual([
        { reference: "CHK-A", total: "0.3", amounts: ["0.1", "0.2"] },
        { reference: "CHK-B", total: "1234.56", amounts: ["1234.56"] },
      ])
      expect(hook.calls).toEqual([{ ids, errors: [] }])
      await waitFor(async () => ids.every((id: string) => importedEvents.some((e) => e.id === id)), {
        what: "an imported event per refund",
      })
    })

    it("refuses a file whose last-column amount is an unquoted 1,000.00, creating nothing", async () => {
      const memo = await issuedMemo("5000")
      const before = await refundCount()
      const bad = await refused(
        upload([row("A", "10", memo), row("B", "1,000.00", memo), row("C", "20", memo)])
      )
      expect(bad).toMatchObject({ status: 422, data: { code: "IMPORT_REJECTED", created: [] } })
      expect(bad.data.errors).toEqual([
        {
          row: 3,
          field: "amount",
          message:
            "line 3: 10 cells, the header has 9: amount 1,000.00 was split at its comma; " +
            "write amounts without thousands separators (1000.00)",
        },
      ])
      expect(await refundCount()).toBe(before)
    })

    it("with ?partial=true creates the good rows of that file and lists the bad one", async () => {
      const memo = await issuedMemo("5000")
      const { data } = await upload(
        [row("A", "10", memo), row("B", "1,000.00", memo), row("C", "20", memo)],
        "?partial=true"
      )
      expect(data.errors).toEqual([{ row: 3, field: "amount", message: expect.stringMatching(/^line 3: /) }])
      const ids = data.created.map((r: any) => r.id)
      expect(await stored(ids)).toEqual([
        { reference: "CHK-A", total: "10", amounts: ["10"] },
        { reference: "CHK-C", total: "20", amounts: ["20"] },
      ])
      expect(hook.calls).toEqual([{ ids, errors: data.errors }])
    })

    it("lists the credit errors of good-looking rows along with the unreadable ones", async () => {
      const memo = await issuedMemo("50")
      const bad = await refused(upload([row("A", "10", memo), row("B", "abc", memo), row("C", "60", memo)]))
      expect(bad.status).toBe(422)
      expect(bad.data.errors).toEqual([
        {
          row: 3,
          field: "amount",
          message: expect.stringMatching(/^line 3: amount: must be a decimal amount/),
        },
        { row: 4, field: "amount", message: expect.stringMatching(/^line 4: /) },
      ])
      expect(hook.calls).toEqual([{ ids: [], errors: bad.data.errors }])
    })

    it("takes each refund's reason code from an optional column and names an unknown one on its line", async () => {
      const memo = await issuedMemo("100")
      const header = "refund_ref,customer_id,currency_code,refund_date,method,reference,reason_code,source_type,source_id,amount"
      const line = (ref: string, reason: string) =>
        `${ref},${customer_id},usd,${date},check,CHK-${ref},${reason},credit_memo,${memo},1.00`
      const send = (lines: string[], query = "") => {
        const form = new FormData()
        form.append("file", new Blob([[header, ...lines].join("\n")], { type: "text/csv" }), "refunds.csv")
        return api.post(`/admin/customer-refunds/import${query}`, form, admin)
      }
      const bad = await refused(send([line("R1", "damaged"), line("R2", "not_a_code")]))
      expect(bad).toMatchObject({ status: 422, data: { code: "IMPORT_REJECTED", created: [] } })
      expect(bad.data.errors).toEqual([
        { row: 3, field: "reason_code", message: expect.stringContaining('"not_a_code" is not a reason code') },
      ])
      const { data } = await send([line("R1", "damaged"), line("R2", "")])
      expect(data.errors).toEqual([])
      expect(data.created.map((r: any) => [r.reference, r.reason_code ?? null])).toEqual([
        ["CHK-R1", "damaged"],
        ["CHK-R2", null],
      ])
    })

    it("deletes the imported drafts when a refundsImported hook throws", async () => {
      const memo = await issuedMemo("100")
      const before = await refundCount()
      hook.refuse = true
      const res = await refused(upload([row("A", "10", memo), row("B", "20", memo)]))
      expect(res).toMatchObject({ status: 400, data: { message: "Imports are closed during the audit" } })
      expect(hook.calls[0].ids).toHaveLength(2)
      expect(await refundCount()).toBe(before)
      const credits = await api.get(`/admin/customers/${customer_id}/available-credits`, admin)
      expect(credits.data.available_credits).toEqual([
        expect.objectContaining({ source_id: memo, remaining_amount: "100.00" }),
      ])
    })

    it("imports refunds from CSV all-or-nothing, reporting the bad row", async () => {
      const memo = await issuedMemo("100")
      const bad = await refused(upload([row("A", "10", memo), row("B", "abc", memo), row("C", "20", memo)]))
      expect(bad).toMatchObject({ status: 422, data: { code: "IMPORT_REJECTED", created: [] } })
      expect(bad.data.errors).toEqual([
        { row: 3, field: "amount", message: expect.stringContaining("amount") },
      ])

      const tooMuch = await refused(upload([row("A", "60", memo), row("B", "60", memo)]))
      expect(tooMuch.data.errors).toEqual([
        { row: 3, field: "amount", message: expect.stringContaining("earlier rows") },
      ])

      const second = await issuedMemo("5")
      const ok = await upload([row("A", "10", memo), row("A", "5", second), row("B", "20", memo)])
      expect(ok.data.errors).toEqual([])
      expect(ok.data.created.map((r: any) => [r.status, r.total, r.reference])).toEqual([
        ["draft", "15.00", "CHK-A"],
        ["draft", "20.00", "CHK-B"],
      ])

      // A refused refund's rows do not count against the credits later rows draw on.
      const third = await issuedMemo("5")
      const fresh = await issuedMemo("100")
      const partial = await upload(
        [row("B", "5", third), row("A", "60", fresh), row("A", "1", third), row("C", "50", fresh)],
        "?partial=true"
      )
      expect(partial.data.errors).toEqual([
        { row: 4, field: "amount", message: expect.stringContaining("earlier rows") },
      ])
      expect(partial.data.created.map((r: any) => [r.total, r.reference])).toEqual([
        ["5.00", "CHK-B"],
        ["50.00", "CHK-C"],
      ])
    })
  },
})
