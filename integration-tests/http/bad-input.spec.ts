// Malformed and hostile requests: each refused with a 4xx and a stable code,
// nothing written, no 500 (docs/RELIABILITY.md).
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import ExcelJS from "exceljs"
import { createCustomer } from "../../dev/demo/store-fixture"
import { AdminHeaders, createAdmin, refused } from "../helpers/admin"
import { creditMemoBody, issueMemo, memoRefundBody } from "../helpers/credit"
import { orderSnapshot, syncSnapshot } from "../helpers/orders"
import { injectToday } from "../helpers/clock"

// The documents of this suite are dated in 2031: that is "today" for the plugin.
injectToday("2031-12-31")

jest.setTimeout(240_000)

const DATE = "2031-06-10"

type Case = {
  name: string
  method: "get" | "post" | "delete"
  url: string
  body?: unknown
  /** Sent as is with content-type application/json (unparseable JSON). */
  raw?: string
  /** A CSV uploaded to the import route. */
  csv?: string
  status: number
  code: string
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let container: MedusaContainer
    let admin: AdminHeaders
    const knex = () => dbConnection as any
    const ids: Record<string, string> = {}

    /** Rows of every accounting table and the loyalty ledger: what "no write" is measured by. */
    const tableCounts = async () => {
      const { rows } = await knex().raw(
        `select table_name from information_schema.tables
          where table_schema = 'public' and (table_name like 'accounting_%' or table_name like 'store_credit_%')
          order by table_name`
      )
      const counts: Record<string, number> = {}
      for (const { table_name } of rows) {
        counts[table_name] = (await knex().raw(`select count(*)::int as n from "${table_name}"`)).rows[0].n
      }
      return counts
    }

    beforeAll(async () => {
      container = getContainer()
    })

    beforeEach(async () => {
      admin = await createAdmin(container)
      for (const who of ["a", "b"]) {
        ids[`customer_${who}`] = (
          await createCustomer(container, { email: `${who}${Date.now()}@example.com`, first_name: who, last_name: "Bad" })
        ).id
        const snap = orderSnapshot({ id: `order_${who}`, customer_id: ids[`customer_${who}`], currency_code: "usd", total: "500", date: DATE })
        await syncSnapshot(container, snap)
        ids[`memo_${who}`] = await issueMemo(api, admin, {
          customer_id: ids[`customer_${who}`],
          amount: "100",
          date: DATE,
        })
      }
      const draft = await api.post(
        "/admin/credit-memos",
        { customer_id: ids.customer_a, currency_code: "usd", date: DATE, reason: "Draft", lines: [{ description: "x", amount: "5" }] },
        admin
      )
      ids.draft_memo = draft.data.credit_memo.id
      const refund = (post: boolean) =>
        api.post(
          "/admin/customer-refunds",
          memoRefundBody(ids.customer_a, ids.memo_a, "10", DATE, { post }),
          admin
        )
      ids.posted_refund = (await refund(true)).data.customer_refund.id
      ids.draft_refund = (await refund(false)).data.customer_refund.id
      ids.voided_refund = (await refund(true)).data.customer_refund.id
      await api.post(`/admin/customer-refunds/${ids.voided_refund}/void`, { date: DATE }, admin)
      const entry = await api.post(
        "/admin/accounting/journal-entries",
        { entry_date: DATE, currency_code: "usd", lines: [{ account_id: "acct_1000", debit: "7" }, { account_id: "acct_4000", credit: "7" }] },
        admin
      )
      ids.entry = entry.data.journal_entry.id
      await api.post(`/admin/accounting/journal-entries/${ids.entry}/post`, {}, admin)
      await api.post("/admin/accounting/periods", { name: "July 2031", start_date: "2031-07-01", end_date: "2031-07-31" }, admin)
    })

    const memoBody = (over: Record<string, unknown> = {}, line: Record<string, unknown> = {}) =>
      creditMemoBody({ customer_id: ids.customer_a, amount: "10", date: DATE }, over, line)
    const refundBody = (over: Record<string, unknown> = {}, line: Record<string, unknown> = {}) =>
      memoRefundBody(ids.customer_a, ids.memo_a, "5", DATE, over, line)
    const entryBody = (lines: unknown[], over: Record<string, unknown> = {}) => ({
      entry_date: DATE,
      currency_code: "usd",
      lines,
      ...over,
    })
    const CSV_HEADER = "refund_ref,customer_id,currency_code,refund_date,method,reference,source_type,source_id,amount"

    const corpus = (): Case[] => {
      const memo = (name: string, body: unknown, status = 400, code = "INVALID_DATA"): Case => ({
        name: `credit memo: ${name}`,
        method: "post",
        url: "/admin/credit-memos",
        body,
        status,
        code,
      })
      const refund = (name: string, body: unknown, status = 400, code = "INVALID_DATA"): Case => ({
        name: `refund: ${name}`,
        method: "post",
        url: "/admin/customer-refunds",
        body,
        status,
        code,
      })
      const apply = (name: string, body: unknown, status: number, code: string, memoId = ids.memo_a): Case => ({
        name: `apply: ${name}`,
        method: "post",
        url: `/admin/credit-memos/${memoId}/applications`,
        body,
        status,
        code,
      })
      const entry = (name: string, body: unknown, status = 400, code = "INVALID_DATA"): Case => ({
        name: `journal: ${name}`,
        method: "post",
        url: "/admin/accounting/journal-entries",
        body,
        status,
        code,
      })
      return [
        // Amounts
        memo("amount of the wrong type", memoBody({}, { amount: { value: 10 } })),
        memo("negative amount", memoBody({}, { amount: "-5" })),
        memo("zero amount", memoBody({}, { amount: 0 })),
        memo("40-digit amount", memoBody({}, { amount: "1234567890123456789012345678901234567890" })),
        memo("NaN", memoBody({}, { amount: "NaN" })),
        memo("Infinity", memoBody({}, { amount: "Infinity" })),
        memo("exponent", memoBody({}, { amount: "1e3" })),
        memo("float artefact 0.1 + 0.2", memoBody({}, { amount: 0.1 + 0.2 })),
        memo("more decimals than the currency has", memoBody({}, { amount: "10.005" })),
        memo("decimals in JPY", memoBody({ currency_code: "jpy" }, { amount: "10.5" })),
        memo("comma decimal", memoBody({}, { amount: "10,50" })),
        memo("negative tax", memoBody({}, { tax_amount: "-1" })),
        // Currencies and dates
        memo("unknown currency", memoBody({ currency_code: "xyz" })),
        memo("two-letter currency", memoBody({ currency_code: "us" })),
        memo("31st of February", memoBody({ date: "2031-02-31" })),
        memo("year 3000", memoBody({ date: "3000-01-01" })),
        memo("year 1899", memoBody({ date: "1899-12-31" })),
        memo("date with time", memoBody({ date: "2031-06-10T10:00:00Z" })),
        // Hostile text and ids
        memo("HTML in the reason", memoBody({ reason: "<script>alert(1)</script>" })),
        memo("markup in a line", memoBody({}, { description: '<img src=x onerror="alert(1)">' })),
        memo("NUL character", memoBody({ reason: "Good\u0000will" })),
        memo("oversized reason", memoBody({ reason: "x".repeat(501) })),
        memo("SQL in the customer id", memoBody({ customer_id: "'; drop table accounting_account; --" })),
        memo("unknown customer", memoBody({ customer_id: "cus_does_not_exist" }), 404, "NOT_FOUND"),
        memo("unknown field", memoBody({ approved: true })),
        memo("no lines", memoBody({ lines: [] })),
        memo("an array instead of an object", [memoBody()]),
        {
          name: "credit memo: unparseable JSON",
          method: "post",
          url: "/admin/credit-memos",
          raw: '{"customer_id": "cus_1", "lines": [',
          status: 400,
          code: "MALFORMED_BODY",
        },
        {
          name: "credit memo: 5 MB body",
          method: "post",
          url: "/admin/credit-memos",
          raw: JSON.stringify(memoBody({ reason: "x".repeat(5 * 1024 * 1024) })),
          status: 413,
          code: "PAYLOAD_TOO_LARGE",
        },
        // Applications
        apply("to another customer's order", { order_id: "order_b", amount: "10", date: DATE }, 422, "CUSTOMER_MISMATCH"),
        apply("more than the memo has", { order_id: "order_a", amount: "1000", date: DATE }, 422, "APPLICATION_EXCEEDS_OPEN"),
        apply("from a draft memo", { order_id: "order_a", amount: "1", date: DATE }, 409, "NOT_ISSUED", ids.draft_memo),
        apply("to an order with no receivable", { order_id: "order_nope", amount: "1", date: DATE }, 404, "NOT_FOUND"),
        apply("with an id of another shape", { order_id: "order_a' or '1'='1", amount: "1", date: DATE }, 400, "INVALID_DATA"),
        // Refunds
        refund("another customer's credit", refundBody({}, { source_id: ids.memo_b }), 422, "CUSTOMER_MISMATCH"),
        refund("more than the credit", refundBody({}, { amount: "5000" }), 422, "REFUND_EXCEEDS_CREDIT"),
        refund("a credit of another currency", refundBody({ currency_code: "eur" }), 422, "CURRENCY_MISMATCH"),
        refund("a method mapped to no account", refundBody({ method: "bitcoin" }), 422, "ACCOUNT_NOT_MAPPED"),
        refund("a method name with symbols", refundBody({ method: "Check!" })),
        refund("an unknown credit type", refundBody({}, { source_type: "gift_card" })),
        refund("a card refund without a payment", refundBody({ method: "card" }), 422, "PAYMENT_REQUIRED"),
        refund("post as a string", refundBody({ post: "yes" })),
        refund("month 13", refundBody({ refund_date: "2031-13-01" })),
        refund("javascript: attachment", refundBody({ attachment_url: "javascript:alert(1)" })),
        refund("markup in pay_to", refundBody({ pay_to: "<b>Eve</b>" })),
        refund("101 lines", refundBody({ lines: Array.from({ length: 101 }, () => refundBody().lines[0]) })),
        // Refund voids
        {
          name: "void: a draft refund",
          method: "post",
          url: `/admin/customer-refunds/${ids.draft_refund}/void`,
          body: { date: DATE },
          status: 409,
          code: "NOT_POSTED",
        },
        {
          name: "void: dated before the refund",
          method: "post",
          url: `/admin/customer-refunds/${ids.posted_refund}/void`,
          body: { date: "2031-06-01" },
          status: 422,
          code: "DATE_BEFORE_ORIGINAL",
        },
        {
          name: "void: twice",
          method: "post",
          url: `/admin/customer-refunds/${ids.voided_refund}/void`,
          body: { date: DATE },
          status: 409,
          code: "ALREADY_VOIDED",
        },
        // Journal
        entry("unbalanced", entryBody([{ account_id: "acct_1000", debit: "10" }, { account_id: "acct_4000", credit: "9.99" }]), 422, "UNBALANCED_ENTRY"),
        entry("on the AR control account", entryBody([{ account_id: "acct_1100", debit: "10" }, { account_id: "acct_4000", credit: "10" }]), 422, "CONTROL_ACCOUNT"),
        entry("an unknown account", entryBody([{ account_id: "acct_nope", debit: "10" }, { account_id: "acct_4000", credit: "10" }])),
        entry("debit and credit on one line", entryBody([{ account_id: "acct_1000", debit: "10", credit: "10" }, { account_id: "acct_4000", credit: "0" }])),
        entry("one line", entryBody([{ account_id: "acct_1000", debit: "10" }])),
        {
          name: "journal: edit a posted entry",
          method: "post",
          url: `/admin/accounting/journal-entries/${ids.entry}`,
          body: { memo: "changed" },
          status: 409,
          code: "IMMUTABLE",
        },
        {
          name: "journal: delete a posted entry",
          method: "delete",
          url: `/admin/accounting/journal-entries/${ids.entry}`,
          status: 409,
          code: "IMMUTABLE",
        },
        {
          name: "journal: reverse before the entry date",
          method: "post",
          url: `/admin/accounting/journal-entries/${ids.entry}/reverse`,
          body: { date: "2031-01-01" },
          status: 422,
          code: "DATE_BEFORE_ORIGINAL",
        },
        // Periods, settings, reports
        {
          name: "period: ends before it starts",
          method: "post",
          url: "/admin/accounting/periods",
          body: { name: "Backwards", start_date: "2031-08-31", end_date: "2031-08-01" },
          status: 400,
          code: "INVALID_DATA",
        },
        {
          name: "period: overlaps another",
          method: "post",
          url: "/admin/accounting/periods",
          body: { name: "Mid July", start_date: "2031-07-15", end_date: "2031-08-15" },
          status: 409,
          code: "PERIOD_OVERLAP",
        },
        {
          name: "settings: unknown account for a role",
          method: "post",
          url: "/admin/accounting/settings",
          body: { role_accounts: { ar: "acct_nope" } },
          status: 400,
          code: "INVALID_DATA",
        },
        {
          name: "settings: aging buckets out of order",
          method: "post",
          url: "/admin/accounting/settings",
          body: { aging_buckets: [60, 30] },
          status: 400,
          code: "INVALID_DATA",
        },
        { name: "report: as_of yesterday", method: "get", url: "/admin/accounting/reports/ar-aging?as_of=yesterday", status: 400, code: "INVALID_DATA" },
        { name: "report: buckets 90,60", method: "get", url: "/admin/accounting/reports/ar-aging?buckets=90,60", status: 400, code: "INVALID_DATA" },
        { name: "report: format exe", method: "get", url: "/admin/accounting/reports/trial-balance?format=exe", status: 400, code: "INVALID_DATA" },
        { name: "report: unknown", method: "get", url: "/admin/accounting/reports/payroll", status: 404, code: "NOT_FOUND" },
        // Ids in the path
        { name: "path: SQL in an id", method: "get", url: `/admin/customer-refunds/${encodeURIComponent("' OR 1=1 --")}`, status: 404, code: "NOT_FOUND" },
        { name: "path: traversal in an id", method: "get", url: `/admin/credit-memos/${encodeURIComponent("../../etc/passwd")}`, status: 404, code: "NOT_FOUND" },
        // CSV import
        {
          name: "import: a 3 MB file",
          method: "post",
          url: "/admin/customer-refunds/import",
          csv: CSV_HEADER + "\n" + "x".repeat(3 * 1024 * 1024),
          status: 413,
          code: "FILE_TOO_LARGE",
        },
        {
          name: "import: wrong columns",
          method: "post",
          url: "/admin/customer-refunds/import",
          csv: "name,amount\nEve,10",
          status: 400,
          code: "INVALID_DATA",
        },
        {
          name: "import: a row of another customer's credit",
          method: "post",
          url: "/admin/customer-refunds/import",
          csv: `${CSV_HEADER}\nA,${ids.customer_a},usd,${DATE},check,R1,credit_memo,${ids.memo_b},5`,
          status: 422,
          code: "IMPORT_REJECTED",
        },
        {
          name: "import: a spreadsheet, not CSV",
          method: "post",
          url: "/admin/customer-refunds/import",
          csv: "PK\u0003\u0004\u0014\u0000\u0006\u0000xl/workbook.xml",
          status: 400,
          code: "INVALID_DATA",
        },
        {
          name: "import: an unquoted 1,000.00 (an extra cell)",
          method: "post",
          url: "/admin/customer-refunds/import",
          csv: `${CSV_HEADER}\nA,${ids.customer_a},usd,${DATE},check,R1,credit_memo,${ids.memo_a},1,000.00`,
          status: 422,
          code: "IMPORT_REJECTED",
        },
        {
          name: "import: a quote never closed",
          method: "post",
          url: "/admin/customer-refunds/import",
          csv: `${CSV_HEADER}\nA,${ids.customer_a},usd,${DATE},check,"R1,credit_memo,${ids.memo_a},5`,
          status: 422,
          code: "IMPORT_REJECTED",
        },
      ]
    }

    const send = (c: Case) => {
      if (c.csv !== undefined) {
        const form = new FormData()
        form.append("file", new Blob([c.csv], { type: "text/csv" }), "refunds.csv")
        return api.post(c.url, form, admin)
      }
      if (c.raw !== undefined) {
        return api.post(c.url, c.raw, { headers: { ...admin.headers, "content-type": "application/json" }, transformRequest: [(d: unknown) => d] })
      }
      return c.method === "post" ? api.post(c.url, c.body, admin) : (api as any)[c.method](c.url, admin)
    }

    it("refuses at least 50 malformed or hostile requests with a 4xx and a stable code, writing nothing", async () => {
      const cases = corpus()
      expect(cases.length).toBeGreaterThanOrEqual(50)
      const before = await tableCounts()
      const answers = []
      for (const c of cases) {
        const res = await refused(send(c))
        answers.push({ name: c.name, status: res.status, code: res.data?.code })
      }
      expect(answers).toEqual(cases.map((c) => ({ name: c.name, status: c.status, code: c.code })))
      expect(answers.filter((a) => a.status >= 500)).toEqual([])
      expect(await tableCounts()).toEqual(before)
      process.stdout.write(`bad input corpus: ${cases.length} requests refused, 0 writes, 0 5xx\n`)
    })

    it("stores SQL-looking and formula-looking text verbatim and exports formulas inert", async () => {
      const sqlish = "Robert'); DROP TABLE accounting_account; --"
      const formula = "=cmd|' /C calc'!A0"
      const memo = await api.post("/admin/credit-memos", memoBody({ reason: sqlish }), admin)
      expect(memo.data.credit_memo.reason).toBe(sqlish)
      const { data } = await api.post("/admin/customer-refunds", refundBody({ reference: formula, memo: "+SUM(A1:A9)" }), admin)
      expect(data.customer_refund).toMatchObject({ reference: formula, memo: "+SUM(A1:A9)" })

      const csv = await api.get(`/admin/accounting/reports/refund-audit?from=2031-06-01&to=2031-06-30&format=csv`, admin)
      expect(csv.data).toContain(sqlish)
      expect(csv.data).toContain(`'${formula}`)
      expect(csv.data).not.toMatch(/(^|,)=cmd/m)
      const xlsx = await api.get(`/admin/accounting/reports/refund-audit?from=2031-06-01&to=2031-06-30&format=xlsx`, {
        ...admin,
        responseType: "arraybuffer",
      })
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(xlsx.data)
      const cells: any[] = []
      book.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(cell.value)))
      expect(cells).toContain(`'${formula}`)
      expect(cells.some((v) => typeof v === "object" && v && "formula" in v)).toBe(false)
    })
  },
})
