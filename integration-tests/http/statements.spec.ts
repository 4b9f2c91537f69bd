import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ACCOUNTING_MODULE } from "../../src/modules/accounting"
import type AccountingModuleService from "../../src/modules/accounting/service"
import type { OrderSnapshot } from "../../src/modules/accounting/rules/order-recognition"
import { AdminHeaders, createAdmin, refused } from "../helpers/admin"
import { parseCsv, readPdf } from "../helpers/files"
import { orderSnapshot } from "../helpers/orders"

jest.setTimeout(180_000)

const order = (id: string, customer_id: string, date: string, total: number, payments: OrderSnapshot["payments"] = []) =>
  orderSnapshot({ id, customer_id, currency_code: "usd", total, date, display_id: id.replace("order_", ""), payments })

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

    it("states opening, each movement with its running balance, closing and aging, in JSON, CSV and PDF", async () => {
      await fixture()
      const json = (await get("/admin/customers/cus_a/statement?from=2026-02-01&to=2026-03-31")).data
      console.log(JSON.stringify(json, null, 1))
      const csv = await get("/admin/customers/cus_a/statement?from=2026-02-01&to=2026-03-31&format=csv", "arraybuffer")
      console.log(csv.headers["content-disposition"], Buffer.from(csv.data).toString("utf8"))
      const pdf = await readPdf(
        Buffer.from((await get("/admin/customers/cus_a/statement?from=2026-02-01&to=2026-03-31&format=pdf", "arraybuffer")).data)
      )
      console.log(pdf.text)
      const cb = (await get("/admin/accounting/reports/credit-balances?as_of=2026-03-31")).data
      console.log(JSON.stringify(cb, null, 1))
      const cbb = (await get("/admin/accounting/reports/credit-balances?as_of=2026-03-31&format=csv", "arraybuffer")).data
      console.log(Buffer.from(cbb).toString("utf8"))
    })
  },
})
