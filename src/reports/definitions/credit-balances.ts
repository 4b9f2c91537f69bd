import { MoneyTotal } from "../../modules/accounting/rules/money-text"
import { customerNames } from "../customers"
import { streamQuery } from "../cursor"
import { arDocumentsAsOf, documentFilters, NOTHING_AFTER_AS_OF } from "../sql/as-of"
import type { ReportContext, ReportDefinition } from "./types"

export type CreditBalancesParams = { as_of: string; currency_code?: string }

/** SQL: per customer and currency, open credits, open receivables and what the store owes (net credit > 0). */
export function creditBalancesSql(params: CreditBalancesParams, cached: boolean) {
  const docs = arDocumentsAsOf(documentFilters(params), { cached })
  return `
    select b.currency_code, b.customer_id,
           sum(case when b.balance < 0 then -b.balance else 0 end) as credits,
           sum(case when b.balance > 0 then b.balance else 0 end) as receivables,
           -sum(b.balance) as owed, count(*) as documents
      from (select d.currency_code, d.customer_id, d.sign * d.open as balance
              from (${docs}) d where d.open <> 0) b
     group by b.currency_code, b.customer_id
    having sum(b.balance) < 0
     order by b.currency_code, -sum(b.balance) desc, b.customer_id`
}

const KEYS = ["credits", "receivables", "owed"] as const

/**
 * Customers the store owes as of a day: their open credits (memos,
 * overpayments, unapplied payments) net of what they still owe, per
 * currency; only net credit balances are listed.
 */
export const creditBalancesReport: ReportDefinition<CreditBalancesParams> = {
  name: "credit-balances",
  meta: (params) => ({
    title: "Customer credit balances",
    subtitle: [
      `As of ${params.as_of}: customers the store owes (open credits net of open receivables)`,
      params.currency_code ? `Currency: ${params.currency_code.toUpperCase()}` : "All currencies",
    ],
    columns: [
      { key: "customer", header: "Customer", width: 130 },
      { key: "email", header: "Email", width: 130 },
      { key: "credits", header: "Open credits", type: "money", width: 80 },
      { key: "receivables", header: "Open receivables", type: "money", width: 80 },
      { key: "owed", header: "Owed to customer", type: "money", width: 80 },
      { key: "currency_code", header: "Cur.", width: 30 },
    ],
    currencyKey: "currency_code",
  }),
  header: (params) => ({ as_of: params.as_of, currency_code: params.currency_code ?? null }),

  async run(ctx: ReportContext, params, writer) {
    const bindings = { as_of: params.as_of, currency_code: params.currency_code ?? null }
    const {
      rows: [{ cached }],
    } = await ctx.knex.raw(NOTHING_AFTER_AS_OF, { as_of: params.as_of })
    let currency: string | null = null
    let totals = new Map<string, MoneyTotal>()
    const close = async () => {
      if (currency) {
        await writer.total({
          customer: `Total ${currency.toUpperCase()}`,
          currency_code: currency,
          ...Object.fromEntries(KEYS.map((k) => [k, totals.get(k)!.toString()])),
        })
      }
    }
    await streamQuery(ctx.knex, creditBalancesSql(params, cached), bindings, async (rows) => {
      const names = await customerNames(
        ctx.container,
        rows.map((r) => r.customer_id)
      )
      for (const r of rows) {
        if (r.currency_code !== currency) {
          await close()
          currency = r.currency_code as string
          totals = new Map(KEYS.map((k) => [k, new MoneyTotal(currency!)]))
          await writer.section(currency.toUpperCase())
        }
        const who = names.get(r.customer_id)
        for (const k of KEYS) {
          totals.get(k)!.add(r[k])
        }
        await writer.row({
          customer: who?.name ?? r.customer_id,
          customer_id: r.customer_id,
          email: who?.email ?? "",
          credits: r.credits,
          receivables: r.receivables,
          owed: r.owed,
          currency_code: r.currency_code,
          documents: Number(r.documents),
        })
      }
    })
    await close()
  },
}
