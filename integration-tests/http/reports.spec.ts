import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ACCOUNTING_MODULE } from "../../src/modules/accounting"
import type AccountingModuleService from "../../src/modules/accounting/service"
import type { OrderSnapshot } from "../../src/modules/accounting/rules/order-recognition"
import {
  capturePayment,
  createCustomer,
  ensureStore,
  getOrderTotals,
  placeOrder,
  refundPayment,
} from "../../dev/demo/store-fixture"
import { AdminHeaders, createAdmin } from "../helpers/admin"
import { parseCsv, readPdf, readXlsx } from "../helpers/files"
import { waitFor } from "../helpers/ledger"
import { orderSnapshot } from "../helpers/orders"
import { PassThrough } from "stream"
import { arAgingReport } from "../../src/reports/definitions/ar-aging"
import { runReport } from "../../src/reports/run-report"

jest.setTimeout(180_000)

const order = (
  id: string,
  customer_id: string,
  date: string,
  total: number,
  payments: OrderSnapshot["payments"] = []
) =>
  orderSnapshot({
    id,
    customer_id,
    currency_code: "usd",
    total,
    date,
    display_id: id.replace("order_", ""),
    payments,
  })

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let container: MedusaContainer
    let admin: AdminHeaders
    let accounting: AccountingModuleService
    const knex = () => dbConnection as any

    const get = (path: string, responseType: "json" | "arraybuffer" = "json") =>
      api.get(path, { ...admin, responseType })

    /** Customer A owes two orders (one partly paid on 03-10); customer B holds a credit memo. */
    const fixture = async () => {
      await accounting.updateSettings({ payment_terms: { default_days: 30 } })
      await accounting.syncOrderLedger(order("order_a1", "cus_a", "2026-01-01", 1000))
      await accounting.syncOrderLedger(order("order_a2", "cus_a", "2026-02-15", 500))
      await accounting.syncOrderLedger(
        order("order_a1", "cus_a", "2026-01-01", 1000, [
          {
            id: "pay_a1",
            provider_id: "pp_system_default",
            captures: [{ id: "capt_a1", amount: 300, date: "2026-03-10" }],
            refunds: [],
          },
        ])
      )
      const memo = await accounting.createCreditMemo({
        customer_id: "cus_b",
        currency_code: "usd",
        memo_date: "2026-02-01",
        reason: "Damaged",
        lines: [{ kind: "item", description: "Damaged item", amount: "200" }],
      })
      await accounting.issueCreditMemo(memo)
    }

    const buckets = (rows: any[], customer: string) => {
      const r = rows.find((x) => x.customer_id === customer)
      return [r.bucket_0, r.bucket_1, r.bucket_2, r.bucket_3, r.bucket_4, r.total]
    }

    beforeEach(async () => {
      container = getContainer()
      admin = await createAdmin(container)
      accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    })

    it("ages by due date and by document date, with custom buckets, as of any day", async () => {
      await fixture()
      const byDue = (await get("/admin/accounting/reports/ar-aging?as_of=2026-03-31&buckets=30,60,90")).data
      expect(byDue.buckets).toEqual(["Current", "1-30", "31-60", "61-90", "91+"])
      const due = byDue.sections[0].rows
      // a1 due 01-31: 59 days, 700 open; a2 due 03-17: 14 days; the memo due 03-03: 28 days, a credit
      expect(buckets(due, "cus_a")).toEqual(["0.00", "500.00", "700.00", "0.00", "0.00", "1200.00"])
      expect(buckets(due, "cus_b")).toEqual(["0.00", "-200.00", "0.00", "0.00", "0.00", "-200.00"])

      const byDoc = (
        await get("/admin/accounting/reports/ar-aging?as_of=2026-03-31&basis=document&buckets=30,60,90")
      ).data.sections[0].rows
      expect(buckets(byDoc, "cus_a")).toEqual(["0.00", "0.00", "500.00", "700.00", "0.00", "1200.00"])
      expect(buckets(byDoc, "cus_b")).toEqual(["0.00", "0.00", "-200.00", "0.00", "0.00", "-200.00"])

      const custom = (
        await get("/admin/accounting/reports/ar-aging?as_of=2026-03-31&basis=document&buckets=45,80")
      ).data
      expect(custom.buckets).toEqual(["Current", "1-45", "46-80", "81+"])
      const a = custom.sections[0].rows.find((r: any) => r.customer_id === "cus_a")
      expect([a.bucket_0, a.bucket_1, a.bucket_2, a.bucket_3]).toEqual(["0.00", "500.00", "0.00", "700.00"])

      // Before the payment of 03-10 the first order was still open in full.
      const before = (await get("/admin/accounting/reports/ar-aging?as_of=2026-03-05&buckets=30,60,90")).data
        .sections[0].rows
      expect(buckets(before, "cus_a")).toEqual(["500.00", "0.00", "1000.00", "0.00", "0.00", "1500.00"])
      // A later document does not change an earlier picture.
      await accounting.syncOrderLedger(order("order_a3", "cus_a", "2026-04-02", 999))
      expect(
        (await get("/admin/accounting/reports/ar-aging?as_of=2026-03-05&buckets=30,60,90")).data.sections[0]
          .rows
      ).toEqual(before)
    })

    it("ties each currency's total to the AR control account and lists detail per document", async () => {
      await fixture()
      const { data } = await get("/admin/accounting/reports/ar-aging?as_of=2026-03-31&detail=true")
      const usd = data.sections[0]
      expect(usd.rows.map((r: any) => [r.document, r.type, r.open])).toEqual([
        ["#a1", "Order", "700.00"],
        ["#a2", "Order", "500.00"],
        ["CM-00001", "Credit memo", "-200.00"],
      ])
      expect(usd.totals.map((t: any) => [t.customer, t.open])).toEqual([
        ["Total USD", "1000.00"],
        ["AR control (GL)", "1000.00"],
        ["Difference", "0.00"],
      ])
    })

    it("writes the same totals in CSV, XLSX and PDF", async () => {
      await fixture()
      const json = (await get("/admin/accounting/reports/ar-aging?as_of=2026-03-31")).data
      const total = json.sections[0].totals[0].total

      const csv = await get("/admin/accounting/reports/ar-aging?as_of=2026-03-31&format=csv", "arraybuffer")
      expect(csv.headers["content-type"]).toContain("text/csv")
      expect(csv.headers["content-disposition"]).toBe('attachment; filename="ar-aging-2026-03-31.csv"')
      const rows = parseCsv(Buffer.from(csv.data).toString("utf8"))
      expect(rows[0]).toEqual([
        "Customer",
        "Email",
        "Current",
        "1-30",
        "31-60",
        "61-90",
        "91+",
        "Total",
        "Cur.",
      ])
      expect(rows.find((r) => r[0] === "Total USD")![7]).toBe(total)

      const xlsx = await readXlsx(
        Buffer.from(
          (await get("/admin/accounting/reports/ar-aging?as_of=2026-03-31&format=xlsx", "arraybuffer")).data
        )
      )
      expect(xlsx[0]).toMatchObject({ name: "USD", frozen: true })
      const totalRow = xlsx[0].rows.find((r: any[]) => r[0] === "Total USD")!
      expect(totalRow[7]).toBe(Number(total)) // a real number cell
      expect(xlsx[0].numFmts[2]).toContain('"USD"')

      const raw = Buffer.from(
        (await get("/admin/accounting/reports/ar-aging?as_of=2026-03-31&format=pdf", "arraybuffer")).data
      )
      const pdf = await readPdf(raw)
      expect(pdf.text).toContain("AR aging summary")
      expect(pdf.text).toContain("As of 2026-03-31")
      expect(pdf.text).toContain("Total USD")
      expect(pdf.text).toContain("1,000.00")
      expect(pdf.text).toContain("Page 1")
    })

    it("writes the aging detail CSV through COPY byte for byte as the row writer does", async () => {
      await fixture()
      // A name that needs quoting and neutralising, and a currency without decimals.
      const ann = await createCustomer(container, { email: "ann@example.com", first_name: '=Ann, "The"', last_name: "Boss" })
      for (const [currency, amount, date] of [["usd", "12.5", "2026-03-01"], ["jpy", "1500", "2026-01-20"]]) {
        const memo = await accounting.createCreditMemo({
          customer_id: ann.id,
          currency_code: currency,
          memo_date: date,
          reason: "Goodwill",
          lines: [{ kind: "item", description: "Goodwill", amount }],
        })
        await accounting.issueCreditMemo(memo)
      }
      const rowWriter = async (query: Record<string, unknown>) => {
        const out = new PassThrough()
        const chunks: Buffer[] = []
        out.on("data", (c) => chunks.push(c))
        const params = { basis: "due", buckets: [30, 60, 90], detail: true, ...query }
        await runReport({ ...arAgingReport, copyCsv: undefined }, params as any, "csv", { knex: knex(), container }, out)
        return Buffer.concat(chunks).toString("utf8")
      }
      for (const asOf of ["2026-03-31", "2026-03-05"]) {
        const copied = Buffer.from(
          (await get(`/admin/accounting/reports/ar-aging?as_of=${asOf}&detail=true&format=csv`, "arraybuffer")).data
        ).toString("utf8")
        expect(copied).toBe(await rowWriter({ as_of: asOf }))
      }
      const copied = Buffer.from(
        (await get("/admin/accounting/reports/ar-aging?as_of=2026-03-31&detail=true&format=csv", "arraybuffer")).data
      ).toString("utf8")
      const lines = copied.split("\r\n")
      expect(lines[0]).toBe("Customer,Document,Type,Date,Due,Days,Bucket,Original,Open,Cur.")
      expect(lines).toContain(`"'=Ann, ""The"" Boss",CM-00003,Credit memo,2026-01-20,2026-02-19,40,31-60,-1500,-1500,jpy`)
      expect(lines).toContain("Total JPY,,,,,,,-1500,-1500,jpy")
      expect(lines).toContain("Difference,,,,,,,,0,jpy")
      expect(lines.filter((l) => l.startsWith("Total USD"))).toEqual(["Total USD,,,,,,,1287.50,987.50,usd"])
      expect(lines[lines.length - 1]).toBe("")
    })

    it("keeps formula-like text inert in CSV and XLSX exports", async () => {
      const memo = await accounting.createCreditMemo({
        customer_id: "cus_x",
        currency_code: "usd",
        memo_date: "2026-02-01",
        reason: '=HYPERLINK("http://evil","x")',
        lines: [{ kind: "item", description: "+cmd|' /C calc'!A0", amount: "10" }],
      })
      await accounting.issueCreditMemo(memo)
      const csv = Buffer.from(
        (
          await get(
            "/admin/accounting/reports/refund-audit?from=2026-01-01&to=2026-12-31&format=csv",
            "arraybuffer"
          )
        ).data
      ).toString()
      expect(csv).not.toMatch(/(^|,)=HYPERLINK/m)
      const xlsx = await readXlsx(
        Buffer.from(
          (
            await get(
              "/admin/accounting/reports/refund-audit?from=2026-01-01&to=2026-12-31&format=xlsx",
              "arraybuffer"
            )
          ).data
        )
      )
      const cells = xlsx[0].rows.flat().filter((v: any) => typeof v === "string")
      expect(cells.some((c: string) => c.startsWith("="))).toBe(false)
      expect(xlsx[0].rows.flat().some((v: any) => v && typeof v === "object" && "formula" in v)).toBe(false)
    })

    it("reconciles a clean ledger and names a journal line removed by raw SQL", async () => {
      await fixture()
      const clean = (await get("/admin/accounting/reports/reconciliation?as_of=2026-12-31")).data
      expect(clean).toMatchObject({ reconciled: true, differences: 0 })

      const { rows } = await knex().raw(
        `select l.id, e.number from accounting_journal_line l join accounting_journal_entry e on e.id = l.entry_id
          where e.source_id = 'order_a2' and l.account_id = 'acct_1100'`
      )
      await knex().raw(`set session_replication_role = replica`)
      await knex().raw(`delete from accounting_journal_line where id = ?`, [rows[0].id])
      await knex().raw(`set session_replication_role = origin`)

      const broken = (await get("/admin/accounting/reports/reconciliation?as_of=2026-12-31")).data
      expect(broken.reconciled).toBe(false)
      const entryRow = broken.sections[0].rows[0]
      expect(entryRow).toMatchObject({ check: "AR entry", document: "#a2", expected: "500.00", actual: "0.00" })
      expect(entryRow.reference).toContain(rows[0].number)
      const chain = broken.sections.find((s: any) => s.name === "Journal integrity").rows[0]
      expect(chain).toMatchObject({ check: "Hash chain", document: rows[0].number })
    })

    it("names a Medusa refund that has no journal entry", async () => {
      const fixtureStore = await ensureStore(container, { currencies: ["usd"] })
      const customer = await createCustomer(container, {
        email: "r@example.com",
        first_name: "R",
        last_name: "Ec",
      })
      const placed = await placeOrder(container, fixtureStore, {
        customer_id: customer.id,
        email: customer.email,
        currency_code: "usd",
        items: [{ variant_id: fixtureStore.variant_ids.widget, quantity: 1 }],
      })
      await capturePayment(container, placed.payment_id)
      await waitFor(
        async () =>
          (await knex().raw(`select 1 from accounting_journal_entry where source_type = 'capture'`)).rows
            .length
      )
      await accounting.updateSettings({ posting: { refunds: false } })
      await refundPayment(container, placed.payment_id, 20)
      const refund = (await getOrderTotals(container, placed.order_id)).payment_collections[0].payments[0]
        .refunds[0]
      await new Promise((r) => setTimeout(r, 1000))

      const { data } = await get("/admin/accounting/reports/reconciliation")
      expect(data.reconciled).toBe(false)
      const medusa = data.sections.find((s: any) => s.name === "Medusa captures and refunds vs journal")
      expect(medusa.rows).toEqual([
        expect.objectContaining({ check: "Medusa refund", document: refund.id, expected: "20.00", actual: "0.00" }),
      ])
    })

    it("lists trial balance, general ledger detail and the refund audit trail", async () => {
      await fixture()
      const tb = (await get("/admin/accounting/reports/trial-balance?as_of=2026-12-31")).data.sections[0]
      expect(tb.rows.map((r: any) => [r.code, r.debit, r.credit])).toEqual([
        ["1100", "1500.00", "500.00"],
        ["1200", "300.00", "0.00"],
        ["4000", "0.00", "1500.00"],
        ["4100", "200.00", "0.00"],
      ])
      expect(tb.totals[0]).toMatchObject({ debit: "2000.00", credit: "2000.00", balance: "0.00" })

      const gl = (
        await get(
          "/admin/accounting/reports/general-ledger?from=2026-02-01&to=2026-03-31&account_id=acct_1100"
        )
      ).data.sections[0]
      expect(gl.rows.map((r: any) => [r.memo, r.debit, r.credit, r.balance])).toEqual([
        ["Opening balance", "", "", "1000.00"],
        ["Credit memo CM-00001: Damaged", "0.00", "200.00", "800.00"],
        ["Order #a2 placed", "500.00", "0.00", "1300.00"],
        ["Payment captured on order #a1", "0.00", "300.00", "1000.00"],
      ])

      const audit = (await get("/admin/accounting/reports/refund-audit?from=2026-01-01&to=2026-12-31")).data
        .sections[0].rows
      expect(audit).toEqual([
        expect.objectContaining({
          kind: "Credit memo",
          number: "CM-00001",
          status: "issued",
          entry: "JE-000004",
          history: expect.stringContaining("issue"),
        }),
      ])
    })

    it("refuses bad report parameters with 400 naming the parameter", async () => {
      const bad = await api
        .get("/admin/accounting/reports/ar-aging?buckets=60,30", admin)
        .catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("buckets")
      const format = await api
        .get("/admin/accounting/reports/trial-balance?format=docx", admin)
        .catch((e: any) => e.response)
      expect(format.status).toBe(400)
      const period = await api
        .get("/admin/accounting/reports/general-ledger?from=2026-05-01&to=2026-04-01", admin)
        .catch((e: any) => e.response)
      expect(period.status).toBe(400)
      expect(period.data.message).toContain("from")
    })
  },
})
