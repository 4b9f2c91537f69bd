import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ACCOUNTING_MODULE } from "../../src/modules/accounting"
import type AccountingModuleService from "../../src/modules/accounting/service"
import type { OrderSnapshot } from "../../src/modules/accounting/rules/order-recognition"
import { AdminHeaders, createAdmin, refused } from "../helpers/admin"
import { parseCsv, readPdf } from "../helpers/files"
import { orderSnapshot } from "../helpers/orders"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const JSZip = require("jszip")

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

/** Customer statements and the credit balances report: exact balances in every format. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let admin: AdminHeaders
    let accounting: AccountingModuleService

    const get = (path: string, responseType: "json" | "arraybuffer" = "json") =>
      api.get(path, { ...admin, responseType })

    /** cus_a: two orders, 300 paid on 03-10 against the first; cus_b: a 200 credit memo and a 50 order. */
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
      await accounting.syncOrderLedger(order("order_b1", "cus_b", "2026-03-25", 50))
      const memo = await accounting.createCreditMemo({
        customer_id: "cus_b",
        currency_code: "usd",
        memo_date: "2026-02-01",
        reason: "Damaged",
        lines: [{ kind: "item", description: "Damaged item", amount: "200" }],
      })
      await accounting.issueCreditMemo(memo)
    }

    beforeEach(async () => {
      container = getContainer()
      admin = await createAdmin(container)
      accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    })

    const path = "/admin/customers/cus_a/statement?from=2026-02-01&to=2026-03-31"

    it("states opening, each movement with its running balance, closing and aging, in JSON, CSV and PDF", async () => {
      await fixture()
      const json = (await get(path)).data
      expect(json).toMatchObject({ customer_id: "cus_a", from: "2026-02-01", to: "2026-03-31" })
      expect(json.sections.map((s: any) => s.name)).toEqual(["USD"])
      const lines = json.sections[0].rows.map((r: any) => [
        r.date,
        r.description,
        r.document,
        r.charges,
        r.credits,
        r.applied,
        r.balance,
      ])
      expect(lines).toEqual([
        ["2026-01-31", "Opening balance", "", "", "", "", "1000.00"],
        ["2026-02-15", "Order", "#a2", "500.00", "", "", "1500.00"],
        ["2026-03-10", "Payment", "#a1 payment", "", "300.00", "", "1200.00"],
        // The payment settles the first order: shown, the balance unchanged.
        ["2026-03-10", "Applied: Payment", "#a1 payment -> #a1", "", "", "300.00", "1200.00"],
      ])
      expect(json.sections[0].totals.map((t: any) => [t.description, t.balance])).toEqual([
        ["Closing balance", "1200.00"],
        ["Aging Current", "0.00"],
        ["Aging 1-30", "500.00"],
        ["Aging 31-60", "700.00"],
        ["Aging 61-90", "0.00"],
        ["Aging 91+", "0.00"],
      ])

      const csv = await get(`${path}&format=csv`, "arraybuffer")
      expect(csv.headers["content-type"]).toContain("text/csv")
      expect(csv.headers["content-disposition"]).toBe(
        'attachment; filename="statement-cus_a-2026-02-01_2026-03-31.csv"'
      )
      const rows = parseCsv(Buffer.from(csv.data).toString("utf8"))
      expect(rows[0]).toEqual([
        "Date",
        "Description",
        "Document",
        "Due",
        "Charges",
        "Credits",
        "Applied",
        "Balance",
        "Cur.",
      ])
      expect(rows.slice(1, 6)).toEqual([
        ["2026-01-31", "Opening balance", "", "", "", "", "", "1000.00", "usd"],
        ["2026-02-15", "Order", "#a2", "2026-03-17", "500.00", "", "", "1500.00", "usd"],
        ["2026-03-10", "Payment", "#a1 payment", "2026-03-10", "", "300.00", "", "1200.00", "usd"],
        ["2026-03-10", "Applied: Payment", "#a1 payment -> #a1", "", "", "", "300.00", "1200.00", "usd"],
        ["2026-03-31", "Closing balance", "", "", "", "", "", "1200.00", "usd"],
      ])
      expect(rows.find((r) => r[1] === "Aging 31-60")![7]).toBe("700.00")

      const pdf = await get(`${path}&format=pdf`, "arraybuffer")
      expect(pdf.headers["content-type"]).toBe("application/pdf")
      const { text } = await readPdf(Buffer.from(pdf.data))
      expect(text).toContain("Statement: cus_a")
      expect(text).toContain("From 2026-02-01 to 2026-03-31")
      expect(text).toMatch(/Opening balance\s+1,000\.00/)
      expect(text).toMatch(/Closing balance\s+1,200\.00/)
      expect(text).toMatch(/Aging 1-30\s+500\.00/)

      // A document dated after `to` changes nothing in the statement.
      await accounting.syncOrderLedger(order("order_a3", "cus_a", "2026-04-02", 999))
      expect((await get(path)).data.sections).toEqual(json.sections)
      // A range after everything: the opening is the closing of before, nothing moves.
      const later = (await get("/admin/customers/cus_a/statement?from=2026-04-03&to=2026-04-30")).data
        .sections[0]
      expect(later.rows.map((r: any) => [r.description, r.balance])).toEqual([["Opening balance", "2199.00"]])
      expect(later.totals[0]).toMatchObject({ description: "Closing balance", balance: "2199.00" })
    })

    it("lists the customers the store owes, net of what they still owe, in JSON and CSV", async () => {
      await fixture()
      const json = (await get("/admin/accounting/reports/credit-balances?as_of=2026-03-31")).data
      expect(json.sections).toEqual([
        {
          name: "USD",
          rows: [
            {
              customer: "cus_b",
              customer_id: "cus_b",
              email: "",
              credits: "200.00",
              receivables: "50.00",
              owed: "150.00",
              currency_code: "usd",
              documents: 2,
            },
          ],
          totals: [
            {
              customer: "Total USD",
              currency_code: "usd",
              credits: "200.00",
              receivables: "50.00",
              owed: "150.00",
            },
          ],
        },
      ])
      // Before the order of 03-25 the whole memo was owed; before the memo, nobody was owed anything.
      const before = (await get("/admin/accounting/reports/credit-balances?as_of=2026-03-01")).data
      expect(before.sections[0].rows.map((r: any) => [r.customer_id, r.owed])).toEqual([["cus_b", "200.00"]])
      expect((await get("/admin/accounting/reports/credit-balances?as_of=2026-01-15")).data.sections).toEqual(
        []
      )

      const csv = Buffer.from(
        (await get("/admin/accounting/reports/credit-balances?as_of=2026-03-31&format=csv", "arraybuffer"))
          .data
      ).toString("utf8")
      expect(parseCsv(csv)).toEqual([
        ["Customer", "Email", "Open credits", "Open receivables", "Owed to customer", "Cur."],
        ["cus_b", "", "200.00", "50.00", "150.00", "usd"],
        ["Total USD", "", "200.00", "50.00", "150.00", "usd"],
      ])
    })

    it("zips the PDF statements of every customer with a balance at the end of the range", async () => {
      await fixture()
      await accounting.syncOrderLedger(
        order("order_c1", "cus_c", "2026-01-05", 80, [
          {
            id: "pay_c1",
            provider_id: "pp_system_default",
            captures: [{ id: "capt_c1", amount: 80, date: "2026-01-05" }],
            refunds: [],
          },
        ])
      )
      const res = await get("/admin/accounting/statements.zip?from=2026-03-01&to=2026-03-31", "arraybuffer")
      expect(res.headers["content-type"]).toBe("application/zip")
      expect(res.headers["content-disposition"]).toBe(
        'attachment; filename="statements-2026-03-01_2026-03-31.zip"'
      )
      const zip = await JSZip.loadAsync(Buffer.from(res.data))
      // cus_c paid in full: no statement.
      expect(Object.keys(zip.files).sort()).toEqual([
        "statement-cus_a-2026-03-01_2026-03-31.pdf",
        "statement-cus_b-2026-03-01_2026-03-31.pdf",
      ])
      const text = async (name: string) => (await readPdf(await zip.file(name).async("nodebuffer"))).text
      const a = await text("statement-cus_a-2026-03-01_2026-03-31.pdf")
      expect(a).toMatch(/Opening balance\s+1,500\.00/)
      expect(a).toMatch(/Closing balance\s+1,200\.00/)
      const b = await text("statement-cus_b-2026-03-01_2026-03-31.pdf")
      expect(b).toMatch(/Opening balance\s+-200\.00/)
      expect(b).toMatch(/Closing balance\s+-150\.00/)

      expect(
        (await refused(get("/admin/accounting/statements.zip?from=2026-04-01&to=2026-03-01"))).status
      ).toBe(400)
    })

    it("refuses bad statement parameters with 400 and users without reports:view with 403", async () => {
      const swapped = await refused(get("/admin/customers/cus_a/statement?from=2026-04-01&to=2026-03-01"))
      expect(swapped.status).toBe(400)
      expect(swapped.data.message).toContain("from")
      expect(
        (await refused(get("/admin/customers/cus_a/statement?from=2026-02-30&to=2026-03-01"))).status
      ).toBe(400)
      expect((await refused(get("/admin/customers/cus_a/statement?to=2026-03-01"))).status).toBe(400)
      expect((await refused(get(`${path}&format=xlsx`))).status).toBe(400)

      // Roles end the bootstrap: the first grant keeps someone able to manage access.
      await createAdmin(container, {
        email: "owner@example.com",
        permissions: ["access:manage", "reports:view"],
      })
      admin = await createAdmin(container, { email: "clerk@example.com", permissions: ["credits:apply"] })
      const denied = await refused(get(path))
      expect(denied.status).toBe(403)
    })
  },
})
