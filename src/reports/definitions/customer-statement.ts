import { MoneyTotal } from "../../modules/accounting/rules/money-text"
import { streamQuery } from "../cursor"
import type { ReportRow } from "../writers/columns"
import { agingSql, bucketLabels, DOC_TYPE_LABELS } from "./ar-aging"
import { NOTHING_AFTER_AS_OF } from "../sql/as-of"
import type { ReportContext, ReportDefinition } from "./types"

export type StatementParams = {
  customer_id: string
  /** Shown in the title; the route looks it up. */
  customer_name: string
  from: string
  to: string
  buckets: number[]
}

/** The day before an ISO day (UTC arithmetic on a calendar day: no time zone involved). */
export function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - 1)
  return d.toISOString().slice(0, 10)
}

/**
 * SQL: a customer's balance moves when a document starts to count (its date)
 * and when it is voided (its void date); applications move open amounts
 * between the customer's own documents, so they are listed with no effect on
 * the balance. Rows per currency: the opening line (kind 'opening') first,
 * then the range's events by day.
 */
export const STATEMENT_SQL = `
  with docs as (
    select * from accounting_ar_document where customer_id = :customer_id and deleted_at is null
  ), events as (
    select d.currency_code, d.document_date as day, 1 as ord, d.id as ref, 'document' as kind, d.doc_type,
           coalesce(d.number, d.id) as document, d.due_date, d.sign * d.amount as amount, d.sign * d.amount as effect
      from docs d where d.document_date between :from and :to
    union all
    select d.currency_code, d.void_date, 2, d.id, 'void', d.doc_type, coalesce(d.number, d.id), null,
           -d.sign * d.amount, -d.sign * d.amount
      from docs d where d.void_date between :from and :to
    union all
    select c.currency_code, a.application_date, 3, a.id, 'application', c.doc_type,
           coalesce(c.number, c.id) || ' -> ' || coalesce(o.number, o.id), null, a.amount, 0
      from accounting_ar_application a
      join docs c on c.id = a.credit_document_id
      join docs o on o.id = a.debit_document_id
     where a.deleted_at is null and a.application_date between :from and :to
    union all
    select c.currency_code, a.unapplied_date, 4, a.id, 'unapplication', c.doc_type,
           coalesce(c.number, c.id) || ' -> ' || coalesce(o.number, o.id), null, a.amount, 0
      from accounting_ar_application a
      join docs c on c.id = a.credit_document_id
      join docs o on o.id = a.debit_document_id
     where a.deleted_at is null and a.unapplied_date between :from and :to
  ), opening as (
    select d.currency_code, sum(d.sign * d.amount) as amount
      from docs d
     where d.document_date < :from and (d.void_date is null or d.void_date >= :from)
     group by d.currency_code
  ), currencies as (
    select currency_code from opening union select currency_code from events
  )
  select c.currency_code, :from_day as day, 0 as ord, '' as ref, 'opening' as kind, null as doc_type,
         null as document, null as due_date, coalesce(o.amount, 0) as amount, coalesce(o.amount, 0) as effect
    from currencies c left join opening o on o.currency_code = c.currency_code
  union all
  select e.currency_code, e.day, e.ord, e.ref, e.kind, e.doc_type, e.document, e.due_date, e.amount, e.effect
    from events e
  order by 1, 2, 3, 4`

const KIND_LABELS: Record<string, string> = {
  void: "Voided",
  application: "Applied",
  unapplication: "Unapplied",
}

function description(r: any): string {
  if (r.kind === "opening") {
    return "Opening balance"
  }
  const type = DOC_TYPE_LABELS[r.doc_type] ?? r.doc_type
  return KIND_LABELS[r.kind] ? `${KIND_LABELS[r.kind]}: ${type}` : type
}

/**
 * A customer's statement for a range, per currency: the opening balance at
 * the end of the day before `from`, every document, void and application in
 * the range with the running balance, the closing balance, and the aging as
 * of `to` as its footer. Positive balances are owed by the customer.
 */
export const customerStatement: ReportDefinition<StatementParams> = {
  name: "statement",
  meta: (params) => ({
    title: `Statement: ${params.customer_name}`,
    subtitle: [
      `From ${params.from} to ${params.to}`,
      `Customer ${params.customer_id}; positive balances are owed to us`,
    ],
    columns: [
      { key: "date", header: "Date", type: "date", width: 60 },
      { key: "description", header: "Description", width: 120 },
      { key: "document", header: "Document", width: 110 },
      { key: "due_date", header: "Due", type: "date", width: 60 },
      { key: "charges", header: "Charges", type: "money", width: 70 },
      { key: "credits", header: "Credits", type: "money", width: 70 },
      { key: "applied", header: "Applied", type: "money", width: 70 },
      { key: "balance", header: "Balance", type: "money", width: 70 },
      { key: "currency_code", header: "Cur.", width: 30 },
    ],
    currencyKey: "currency_code",
    landscape: true,
  }),
  header: (params) => ({
    customer_id: params.customer_id,
    customer: params.customer_name,
    from: params.from,
    to: params.to,
    aging_buckets: bucketLabels(params.buckets),
  }),

  async run(ctx: ReportContext, params, writer) {
    const aging = await agingFooter(ctx, params)
    let currency: string | null = null
    let balance = new MoneyTotal("usd")
    const close = async () => {
      if (currency) {
        await writer.total({
          description: "Closing balance",
          date: params.to,
          balance: balance.toString(),
          currency_code: currency,
        })
        for (const row of aging.get(currency) ?? []) {
          await writer.total(row)
        }
      }
    }
    const bindings = {
      customer_id: params.customer_id,
      from: params.from,
      to: params.to,
      from_day: dayBefore(params.from),
    }
    await streamQuery(ctx.knex, STATEMENT_SQL, bindings, async (rows) => {
      for (const r of rows) {
        if (r.currency_code !== currency) {
          await close()
          currency = r.currency_code as string
          balance = new MoneyTotal(currency)
          await writer.section(currency.toUpperCase())
        }
        balance.add(r.effect)
        const moves = r.kind === "document" || r.kind === "void"
        const applied = r.kind === "application" || r.kind === "unapplication"
        const row: ReportRow = {
          date: r.day,
          kind: r.kind,
          description: description(r),
          document: r.document ?? "",
          due_date: r.due_date ?? "",
          charges: moves && !String(r.amount).startsWith("-") ? r.amount : "",
          credits: moves && String(r.amount).startsWith("-") ? negate(r.amount) : "",
          // Shown for the record: the amount moved between documents, the balance unchanged.
          applied: applied ? r.amount : "",
          balance: balance.toString(),
          currency_code: r.currency_code,
        }
        await writer.row(row)
      }
    })
    await close()
    return undefined
  },
}

const negate = (amount: string) => (amount.startsWith("-") ? amount.slice(1) : `-${amount}`)

/** The aging of the customer as of `to`, one total line per bucket and currency (the aging report's SQL). */
async function agingFooter(ctx: ReportContext, params: StatementParams) {
  const as_of = params.to
  const {
    rows: [{ cached }],
  } = await ctx.knex.raw(NOTHING_AFTER_AS_OF, { as_of })
  const sql = agingSql(
    { as_of, basis: "due", buckets: params.buckets, detail: false, customer_id: params.customer_id },
    cached
  )
  const { rows } = await ctx.knex.raw(sql, { as_of, customer_id: params.customer_id })
  const labels = bucketLabels(params.buckets)
  const footer = new Map<string, ReportRow[]>()
  for (const r of rows) {
    footer.set(
      r.currency_code,
      labels.map((label, i) => ({
        description: `Aging ${label}`,
        balance: r[`bucket_${i}`],
        currency_code: r.currency_code,
      }))
    )
  }
  return footer
}
