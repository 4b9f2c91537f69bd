// Provider payouts (PO-): Stripe's payout report and a mapped CSV, the JSON API, matching and guards.
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Decimal } from "../../src/modules/accounting/rules/money"
import {
  capturePayment,
  createCustomer,
  ensureStore,
  placeOrder,
  StoreFixture,
} from "../../dev/demo/store-fixture"
import { AdminHeaders, createAdmin, grantPermissions, refused } from "../helpers/admin"
import { glLines, waitFor } from "../helpers/ledger"
import { loadOrderSnapshots } from "../../src/workflows/order-accounting/steps/load-order-snapshots"

jest.setTimeout(240_000)

const STRIPE_HEADER =
  "automatic_payout_id,automatic_payout_effective_at,balance_transaction_id,currency,gross,fee,net,reporting_category,payment_intent_id,description"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let container: MedusaContainer
    let fixture: StoreFixture
    let admin: AdminHeaders
    const knex = () => dbConnection as any

    beforeAll(async () => {
      container = getContainer()
      fixture = await ensureStore(container, { currencies: ["usd"] })
    })

    beforeEach(async () => {
      admin = await createAdmin(container)
    })

    /** A captured order whose payment the processor knows as `intent` (Stripe keeps it in payment.data.id). */
    const capturedOrder = async (intent: string) => {
      const customer = await createCustomer(container, {
        email: `${intent}@example.com`,
        first_name: "Pay",
        last_name: "Out",
      })
      const placed = await placeOrder(container, fixture, {
        customer_id: customer.id,
        email: customer.email,
        currency_code: "usd",
        items: [{ variant_id: fixture.variant_ids.widget, quantity: 1 }],
      })
      await capturePayment(container, placed.payment_id)
      await knex().raw(`update payment set data = ?::jsonb where id = ?`, [
        JSON.stringify({ id: intent }),
        placed.payment_id,
      ])
      const { rows } = await knex().raw(
        `select id, amount::text as amount from capture where payment_id = ?`,
        [placed.payment_id]
      )
      return rows[0] as { id: string; amount: string }
    }
    const upload = (lines: string[], fields: Record<string, string>) => {
      const form = new FormData()
      form.append("file", new Blob([lines.join("\n")], { type: "text/csv" }), "payout.csv")
      for (const [k, v] of Object.entries(fields)) {
        form.append(k, v)
      }
      return api.post("/admin/payouts/import", form, admin)
    }
    const counts = async () =>
      (
        await knex().raw(`select (select count(*)::int from accounting_payout) as payouts,
                                 (select count(*)::int from accounting_journal_entry where source_type = 'payout') as entries`)
      ).rows[0]

    it("posts Stripe's payout report as Dr Bank net + Dr Processing Fees / Cr clearing gross, matched, once", async () => {
      const capture = await capturedOrder("pi_A")
      const gross = new Decimal(capture.amount)
      const net = gross.minus("1.25")
      const file = [
        STRIPE_HEADER,
        `po_1,2026-01-31 00:00:00,txn_1,usd,${gross},1.25,${net},charge,pi_A,Order`,
        `po_1,2026-01-31 00:00:00,txn_2,usd,5.00,0.45,4.55,charge,pi_ELSEWHERE,Unknown sale`,
      ]
      const { data } = await upload(file, { provider_id: "pp_system_default" })
      expect(data.payouts).toEqual([expect.objectContaining({ number: "PO-00001", created: true })])
      const id = data.payouts[0].id
      expect(await glLines(knex(), "payout", id)).toEqual([
        ["1000", net.plus("4.55").toString(), "0"],
        ["6200", "1.7", "0"],
        ["1200", "0", gross.plus(5).toString()],
      ])
      const { data: detail } = await api.get(`/admin/payouts/${id}`, admin)
      expect(detail.payout).toMatchObject({
        provider_payout_id: "po_1",
        payout_date: "2026-01-31",
        currency_code: "usd",
        source: "stripe_csv",
      })
      expect(
        [...detail.payout.lines]
          .sort((a: any, b: any) => a.line_no - b.line_no)
          .map((l: any) => [l.line_no, l.provider_payment_id, l.matched_type, l.matched_id])
      ).toEqual([
        [1, "pi_A", "capture", capture.id],
        [2, "pi_ELSEWHERE", null, null],
      ])

      // The list counts each payout's matched and unmatched lines; money as decimal strings; `q` finds it.
      const { data: listed } = await api.get("/admin/payouts?q=po_1", admin)
      expect(listed.payouts).toEqual([
        expect.objectContaining({
          number: "PO-00001",
          gross: gross.plus(5).toFixed(2),
          fee: "1.70",
          net: net.plus("4.55").toFixed(2),
          line_counts: { matched: 1, unmatched: 1 },
        }),
      ])

      // The same file again posts nothing.
      const again = await upload(file, { provider_id: "pp_system_default" })
      expect(again.data.payouts).toEqual([expect.objectContaining({ id, created: false })])
      expect(await counts()).toEqual({ payouts: 1, entries: 1 })

      const { data: unmatched } = await api.get(
        "/admin/payouts/reconciliation/unmatched?provider_id=pp_system_default",
        admin
      )
      expect(
        unmatched.unmatched_lines.map((l: any) => [l.payout_number, l.provider_payment_id, l.gross])
      ).toEqual([["PO-00001", "pi_ELSEWHERE", "5.00"]])
      expect(unmatched.unpaid_captures).toEqual([])

      // Posted payouts never change (database guard).
      await expect(
        knex().raw(`update accounting_payout set fee = 0, net = gross where id = ?`, [id])
      ).rejects.toThrow(/IMMUTABLE/)
      await expect(
        knex().raw(`delete from accounting_payout_line where payout_id = ?`, [id])
      ).rejects.toThrow(/IMMUTABLE/)
    })

    it("dates a New York order placed at 19:30 on 31 January in January (the store's accounting timezone)", async () => {
      await api.post("/admin/accounting/settings", { timezone: "America/New_York" }, admin)
      const customer = await createCustomer(container, {
        email: "ny@example.com",
        first_name: "New",
        last_name: "York",
      })
      const placed = await placeOrder(container, fixture, {
        customer_id: customer.id,
        email: customer.email,
        currency_code: "usd",
        items: [{ variant_id: fixture.variant_ids.widget, quantity: 1 }],
      })
      // 19:30 EST on 31 January is 00:30 UTC on 1 February.
      await knex().raw(`update "order" set created_at = '2026-02-01T00:30:00Z' where id = ?`, [
        placed.order_id,
      ])
      const [snapshot] = await loadOrderSnapshots(container, [placed.order_id])
      expect(snapshot.order_date).toBe("2026-01-31")
      await api.post("/admin/accounting/settings", { timezone: "UTC" }, admin)
      const [utc] = await loadOrderSnapshots(container, [placed.order_id])
      expect(utc.order_date).toBe("2026-02-01")
    })

    it("refuses a file with bad rows or a currency mismatch, line by line, and an unknown provider, posting nothing", async () => {
      const bad = await refused(
        upload(
          [
            STRIPE_HEADER,
            `po_2,2026-02-28,txn_1,usd,10.00,0.50,9.50,charge,pi_1,`,
            `po_2,2026-02-28,txn_2,eur,10.00,0.50,9.50,charge,pi_2,`,
            `po_2,2026-02-28,txn_3,usd,abc,0.50,9.50,charge,pi_3,`,
            `po_2,2026-02-28,txn_4,usd,10.00,0.50,9.00,charge,pi_4,`,
          ],
          { provider_id: "pp_system_default" }
        )
      )
      expect(bad.status).toBe(422)
      expect(bad.data.code).toBe("PAYOUT_FILE_REJECTED")
      expect(bad.data.errors.map((e: any) => [e.row, e.field])).toEqual([
        [3, "currency"],
        [4, "gross"],
        [5, "net"],
      ])
      expect(bad.data.errors[0].message).toContain("currency mismatch")

      const unknown = await refused(
        upload([STRIPE_HEADER, `po_3,2026-02-28,txn_1,usd,10.00,0.50,9.50,charge,pi_1,`], {
          provider_id: "pp_nope",
        })
      )
      expect(unknown).toMatchObject({ status: 422, data: { code: "UNKNOWN_PROVIDER" } })

      const noMapping = await refused(
        upload(["a,b", "1,2"], { provider_id: "pp_system_default", format: "csv" })
      )
      expect(noMapping.status).toBe(400)
      expect(noMapping.data.message).toContain("mapping")
      expect(await counts()).toEqual({ payouts: 0, entries: 0 })
    })

    it("reads a generic CSV through its column mapping, and posts JSON payouts with a refund line", async () => {
      const { data } = await upload(
        [
          "Payout,Day,Cur,Amount,Fees,Charge",
          "B-77,2026-03-05,USD,120.00,3.60,ch_1",
          "B-77,2026-03-05,USD,-20.00,0,ch_2",
        ],
        {
          provider_id: "pp_system_default",
          format: "csv",
          mapping: JSON.stringify({
            payout_id: "Payout",
            payout_date: "Day",
            currency: "Cur",
            gross: "Amount",
            fee: "Fees",
            payment_id: "Charge",
          }),
        }
      )
      expect(await glLines(knex(), "payout", data.payouts[0].id)).toEqual([
        ["1000", "96.4", "0"],
        ["6200", "3.6", "0"],
        ["1200", "0", "100"],
      ])

      // Roles, not user metadata, carry permissions; the first grant ends the bootstrap, so the admin gets one too.
      await grantPermissions(container, admin.user_id!, ["*"])
      const clerk = await createAdmin(container, {
        email: "clerk@example.com",
        permissions: ["payouts:list", "payouts:import"],
      })
      const body = {
        payouts: [
          {
            provider_id: "pp_system_default",
            provider_payout_id: "po_api",
            currency_code: "usd",
            payout_date: "2026-03-06",
            lines: [
              { reporting_category: "refund", provider_payment_id: "pi_x", gross: "-30.00", fee: "0" },
              { reporting_category: "charge", gross: "20.00", fee: "0.80" },
            ],
          },
        ],
      }
      expect((await refused(api.post("/admin/payouts", body, clerk))).status).toBe(403)
      const posted = await api.post("/admin/payouts", body, admin)
      // A payout that takes money back: Cr Bank, Dr clearing.
      expect(await glLines(knex(), "payout", posted.data.payouts[0].id)).toEqual([
        ["1000", "0", "10.8"],
        ["6200", "0.8", "0"],
        ["1200", "10", "0"],
      ])
      const invalid = await refused(
        api.post(
          "/admin/payouts",
          { payouts: [{ ...body.payouts[0], provider_payout_id: "x", lines: [] }] },
          admin
        )
      )
      expect(invalid.status).toBe(400)
      const list = await api.get("/admin/payouts", admin)
      expect(list.data.count).toBe(2)
    })
    it("reconciles each clearing account: captured − refunded − paid out vs its GL balance, counting a difference", async () => {
      const capture = await capturedOrder("pi_R")
      await waitFor(
        async () =>
          (
            await knex().raw(
              `select 1 from accounting_journal_entry where source_type = 'capture' and source_id = ?`,
              [capture.id]
            )
          ).rows.length,
        { what: "the capture's journal entry" }
      )
      const captured = new Decimal(capture.amount)
      await api.post(
        "/admin/payouts",
        {
          payouts: [
            {
              provider_id: "pp_system_default",
              provider_payout_id: "po_rec",
              currency_code: "usd",
              payout_date: "2026-01-31",
              lines: [
                {
                  reporting_category: "charge",
                  provider_payment_id: "pi_other",
                  gross: "20.00",
                  fee: "0.50",
                },
              ],
            },
          ],
        },
        admin
      )
      // A far as-of day: every capture (wall clock) and entry is included.
      const report = async () =>
        (await api.get("/admin/accounting/reports/reconciliation?as_of=2999-12-31&currency_code=usd", admin))
          .data
      const clearing = (r: any) => r.sections.find((s: any) => s.name === "Clearing accounts")
      const held = captured.minus(20)
      const money = (d: Decimal) => d.toFixed(2)

      const clean = await report()
      expect(clearing(clean).rows).toEqual([
        expect.objectContaining({
          check: "Provider clearing",
          currency_code: "usd",
          document: "pp_system_default",
          reference: `captured ${captured} − refunded 0 − paid out 20`,
          expected: money(held),
        }),
      ])
      expect(clearing(clean).totals).toEqual([
        expect.objectContaining({
          check: "Clearing 1200",
          currency_code: "usd",
          expected: money(held),
          actual: money(held),
          difference: "0.00",
          note: "captured − refunded − paid out = clearing balance",
        }),
      ])
      expect(clean).toMatchObject({ reconciled: true, differences: 0 })

      // A manual entry into Undeposited Funds that no capture explains.
      const draft = (
        await api.post(
          "/admin/accounting/journal-entries",
          {
            entry_date: "2026-02-01",
            currency_code: "usd",
            memo: "Cash sale booked by hand",
            lines: [
              { account_id: "acct_1200", debit: "7.00" },
              { account_id: "acct_4000", credit: "7.00" },
            ],
          },
          admin
        )
      ).data.journal_entry
      await api.post(`/admin/accounting/journal-entries/${draft.id}/post`, {}, admin)

      const off = await report()
      expect(clearing(off).totals).toEqual([
        expect.objectContaining({
          check: "Clearing 1200",
          expected: money(held),
          actual: money(held.plus(7)),
          difference: "-7.00",
          note: "differ by -7: counted",
        }),
      ])
      // The total and its unexplained residual row both count.
      expect(clearing(off).rows[1]).toMatchObject({
        check: "Unexplained residual",
        reference: "Clearing 1200",
        difference: "-7.00",
      })
      expect(off).toMatchObject({ reconciled: false, differences: 2 })
    })
  },
})
