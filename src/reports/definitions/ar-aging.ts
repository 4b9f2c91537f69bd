import { currencyPrecision, Decimal, toDecimal } from "../../modules/accounting/rules/money"
import { MoneyTotal } from "../../modules/accounting/rules/money-text"
import { customerNames } from "../customers"
import { streamQuery } from "../cursor"
import { agingDetailCsvSql } from "../sql/ar-aging-csv"
import { arDocumentsAsOf, documentFilters, knexRows, NOTHING_AFTER_AS_OF, roleBalancesAsOf } from "../sql/as-of"
import { withSnapshot } from "../sql/snapshot"
import { cell } from "../writers/csv-writer"
import type { ReportColumn, ReportRow } from "../writers/columns"
import type { ReportContext, ReportDefinition } from "./types"

export type ArAgingParams = {
  as_of: string
  basis: "due" | "document"
  buckets: number[]
  detail: boolean
  customer_id?: string
  currency_code?: string
  region_id?: string
  sales_channel_id?: string
}

/** "Current", "1-30", "31-60", "61-90", "91+" for buckets [30, 60, 90]. */
export function bucketLabels(buckets: number[]): string[] {
  return [
    "Current",
    ...buckets.map((b, i) => `${i === 0 ? 1 : buckets[i - 1] + 1}-${b}`),
    `${buckets[buckets.length - 1] + 1}+`,
  ]
}

const bucketKey = (i: number) => `bucket_${i}`

/** SQL: the bucket (0 = current) of each document by days past its basis date (typed days: no parsing per row). */
function bucketCase(buckets: number[], basis: "due" | "document") {
  const days = `(:as_of::date - d.${basis === "due" ? "due_day" : "document_day"})`
  const whens = buckets.map((b, i) => `when ${days} <= ${Math.floor(b)} then ${i + 1}`).join(" ")
  return { days, bucket: `case when ${days} <= 0 then 0 ${whens} else ${buckets.length + 1} end` }
}

export function agingSql(params: ArAgingParams, cached: boolean) {
  const { days, bucket } = bucketCase(params.buckets, params.basis)
  const docs = arDocumentsAsOf(documentFilters(params), { cached })
  if (params.detail) {
    return `
      select d.currency_code, d.customer_id, d.id, d.doc_type, d.number, d.document_date, d.due_date, d.order_id,
             ${days} as days, ${bucket} as bucket, d.sign * d.amount as original, d.sign * d.open as open
        from (${docs}) d
       where d.open <> 0
       order by d.currency_code, d.customer_id, d.document_date, d.id`
  }
  const sums = [...params.buckets.map((_, i) => i), params.buckets.length, params.buckets.length + 1]
    .map((i) => `sum(case when b.bucket = ${i} then b.balance else 0 end) as ${bucketKey(i)}`)
    .join(", ")
  return `
    select b.currency_code, b.customer_id, ${sums}, sum(b.balance) as total, count(*) as documents
      from (select d.currency_code, d.customer_id, ${bucket} as bucket, d.sign * d.open as balance
              from (${docs}) d where d.open <> 0) b
     group by b.currency_code, b.customer_id
     order by b.currency_code, b.customer_id`
}

const money = (key: string, header: string): ReportColumn => ({ key, header, type: "money", width: 70 })

/**
 * AR aging as of a day: per customer (summary) or per document (detail),
 * by due date or document date, in configurable buckets; credits show as
 * negative amounts until applied or refunded. Each currency ends with its
 * totals and the AR control balance they must tie to.
 */
export const arAgingReport: ReportDefinition<ArAgingParams> = {
  name: "ar-aging",
  meta(params) {
    const labels = bucketLabels(params.buckets)
    const columns: ReportColumn[] = params.detail
      ? [
          { key: "customer", header: "Customer", width: 110 },
          { key: "document", header: "Document", width: 80 },
          { key: "type", header: "Type", width: 70 },
          { key: "document_date", header: "Date", type: "date", width: 58 },
          { key: "due_date", header: "Due", type: "date", width: 58 },
          { key: "days", header: "Days", type: "number", width: 34 },
          { key: "bucket", header: "Bucket", width: 46 },
          money("original", "Original"),
          money("open", "Open"),
          { key: "currency_code", header: "Cur.", width: 30 },
        ]
      : [
          { key: "customer", header: "Customer", width: 130 },
          { key: "email", header: "Email", width: 120 },
          ...labels.map((label, i) => money(bucketKey(i), label)),
          money("total", "Total"),
          { key: "currency_code", header: "Cur.", width: 30 },
        ]
    return {
      title: `AR aging ${params.detail ? "detail" : "summary"}`,
      subtitle: [
        `As of ${params.as_of}, aged by ${params.basis === "due" ? "due date" : "document date"}; buckets ${labels.join(", ")}`,
        filtersLine(params),
      ],
      columns,
      landscape: params.detail || params.buckets.length > 3,
      currencyKey: "currency_code",
    }
  },
  header: (params) => ({
    as_of: params.as_of,
    basis: params.basis,
    buckets: bucketLabels(params.buckets),
    filters: filtersOf(params),
  }),

  copyCsv: (ctx, params, csv) => copyDetailCsv(ctx, params, csv),

  async run(ctx: ReportContext, params, writer) {
    const bindings = { as_of: params.as_of, ...filtersOf(params) }
    const {
      rows: [{ cached }],
    } = await ctx.knex.raw(NOTHING_AFTER_AS_OF, { as_of: params.as_of })
    const control = controlBalances(await roleBalancesAsOf(knexRows(ctx.knex), params.as_of, "ar"))
    const labels = bucketLabels(params.buckets)
    const totalKeys = params.detail ? ["original", "open"] : [...labels.map((_, i) => bucketKey(i)), "total"]

    let currency: string | null = null
    let totals = new Map<string, MoneyTotal>()
    const closeCurrency = async () => {
      if (currency === null) {
        return
      }
      const sum = Object.fromEntries(totalKeys.map((k) => [k, (totals.get(k) ?? new MoneyTotal(currency!)).toString()]))
      for (const row of totalRows(params, currency, sum, control)) {
        await writer.total(row)
      }
    }

    await streamQuery(ctx.knex, agingSql(params, cached), bindings, async (rows) => {
      const names = await customerNames(
        ctx.container,
        rows.map((r) => r.customer_id)
      )
      for (const r of rows) {
        if (r.currency_code !== currency) {
          await closeCurrency()
          currency = r.currency_code as string
          totals = new Map(totalKeys.map((k) => [k, new MoneyTotal(currency!)]))
          await writer.section(currency.toUpperCase())
        }
        const who = names.get(r.customer_id)
        const row: ReportRow = params.detail
          ? {
              customer: who?.name ?? r.customer_id,
              customer_id: r.customer_id,
              document: r.number ?? r.id,
              document_id: r.id,
              type: DOC_TYPE_LABELS[r.doc_type] ?? r.doc_type,
              document_date: r.document_date,
              due_date: r.due_date,
              days: Number(r.days),
              bucket: labels[Number(r.bucket)],
              original: r.original,
              open: r.open,
              currency_code: r.currency_code,
              order_id: r.order_id,
            }
          : {
              customer: who?.name ?? r.customer_id,
              customer_id: r.customer_id,
              email: who?.email ?? "",
              ...Object.fromEntries(totalKeys.map((k) => [k, r[k]])),
              currency_code: r.currency_code,
              documents: Number(r.documents),
            }
        for (const k of totalKeys) {
          totals.get(k)!.add(row[k] as string)
        }
        await writer.row(row)
      }
    })
    await closeCurrency()
  },
}

/** Each currency's last lines: its totals, and the AR control balance they must tie to. */
function totalRows(params: ArAgingParams, currency: string, sum: Record<string, string>, control: Map<string, Decimal>) {
  const rows: ReportRow[] = [{ customer: `Total ${currency.toUpperCase()}`, currency_code: currency, ...sum }]
  // All customers of a currency tie to the AR control account.
  if (!params.customer_id && !params.region_id && !params.sales_channel_id) {
    const key = params.detail ? "open" : "total"
    const gl = control.get(currency) ?? new Decimal(0)
    rows.push({ customer: "AR control (GL)", currency_code: currency, [key]: gl.toString() })
    rows.push({ customer: "Difference", currency_code: currency, [key]: toDecimal(sum[key]).minus(gl).toString() })
  }
  return rows
}

const controlBalances = (rows: any[]) => new Map<string, Decimal>(rows.map((r) => [r.currency_code, toDecimal(r.balance)]))

/**
 * The detail's CSV formatted by PostgreSQL (COPY), at about the database's
 * own speed: the same cells as run() and the CSV writer (the reports spec
 * compares the two); totals added up from the copied cells.
 */
const copyDetailCsv: NonNullable<ReportDefinition<ArAgingParams>["copyCsv"]> = async (ctx, params, csv) => {
  if (!params.detail) {
    return false
  }
  const bindings = { as_of: params.as_of, ...filtersOf(params) }
  await withSnapshot(ctx.knex, async (db) => {
    const [{ cached }] = await db.rows(NOTHING_AFTER_AS_OF, { as_of: params.as_of })
    if (cached) {
      // The index in the detail's order is read from memory, not a spinning disk: rows then stream
      // from the first one, where the default cost (4) has PostgreSQL sort a million rows first.
      await db.rows("set local random_page_cost = 1.1")
    }
    // The control balance is read beside the COPY, in the same snapshot; totals add up as the rows pass.
    const control = db.beside(async (side) =>
      controlBalances(await roleBalancesAsOf(side.rows, params.as_of, "ar"))
    )
    control.catch(() => undefined) // awaited below; a COPY failure must not leave it unhandled
    const sql = agingDetailCsvSql(agingSql(params, cached), bucketLabels(params.buckets), DOC_TYPE_LABELS)
    await csv.copyRows(db.copyCsv(sql, bindings), {
      firstField: async (ids) => {
        const names = await customerNames(ctx.container, ids)
        return (id) => cell(names.get(id)?.name ?? id, { key: "customer", header: "Customer" })
      },
      sumFields: { count: 2, precision: currencyPrecision },
      sectionEnd: async (currency, [original, open]) => {
        for (const row of totalRows(params, currency, { original, open }, await control)) {
          await csv.total(row)
        }
      },
    })
    await control
  })
  return true
}

export const DOC_TYPE_LABELS: Record<string, string> = {
  order: "Order",
  order_adjustment: "Order adjustment",
  payment: "Payment",
  payment_refund: "Refund paid",
  credit_memo: "Credit memo",
  customer_refund: "Customer refund",
  received_payment: "Payment received",
  write_off: "Write-off",
  deposit_application: "Deposit applied",
}

function filtersOf(params: ArAgingParams) {
  return Object.fromEntries(
    (["customer_id", "currency_code", "region_id", "sales_channel_id"] as const)
      .filter((k) => params[k])
      .map((k) => [k, params[k]])
  ) as Record<string, string>
}

function filtersLine(params: ArAgingParams) {
  const f = filtersOf(params)
  const parts = Object.entries(f).map(([k, v]) => `${k} = ${v}`)
  return parts.length
    ? `Filters: ${parts.join(", ")}`
    : "Filters: none (all customers, currencies, regions and sales channels)"
}
