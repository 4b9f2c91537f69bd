import { Decimal, toDecimal } from "../../modules/accounting/rules/money"
import { streamQuery } from "../cursor"
import type { ReportContext, ReportDefinition } from "./types"

export type TrialBalanceParams = { as_of: string; currency_code?: string }

/** Debits, credits and balance of every account with postings, per currency, at the end of a day. */
export const trialBalanceReport: ReportDefinition<TrialBalanceParams> = {
  name: "trial-balance",
  meta: (params) => ({
    title: "Trial balance",
    subtitle: [
      `As of ${params.as_of}`,
      params.currency_code ? `Currency: ${params.currency_code.toUpperCase()}` : "All currencies",
    ],
    columns: [
      { key: "code", header: "Account", width: 60 },
      { key: "name", header: "Name", width: 180 },
      { key: "type", header: "Type", width: 60 },
      { key: "debit", header: "Debits", type: "money", width: 90 },
      { key: "credit", header: "Credits", type: "money", width: 90 },
      { key: "balance", header: "Balance (Dr - Cr)", type: "money", width: 90 },
      { key: "currency_code", header: "Cur.", width: 30 },
    ],
    currencyKey: "currency_code",
  }),
  header: (params) => ({ as_of: params.as_of, currency_code: params.currency_code ?? null }),

  async run(ctx: ReportContext, params, writer) {
    const sql = `
      select e.currency_code, a.code, a.name, a.type, sum(l.debit) as debit, sum(l.credit) as credit,
             sum(l.debit - l.credit) as balance
        from accounting_journal_line l
        join accounting_journal_entry e on e.id = l.entry_id
        join accounting_account a on a.id = l.account_id
       where e.status <> 'draft' and e.deleted_at is null and e.entry_date <= :as_of
         ${params.currency_code ? "and e.currency_code = :currency_code" : ""}
       group by e.currency_code, a.code, a.name, a.type
       order by e.currency_code, a.code`
    let currency: string | null = null
    let debit = new Decimal(0)
    let credit = new Decimal(0)
    const close = async () => {
      if (currency) {
        await writer.total({
          code: "Total",
          currency_code: currency,
          debit: debit.toString(),
          credit: credit.toString(),
          balance: debit.minus(credit).toString(),
        })
      }
    }
    await streamQuery(
      ctx.knex,
      sql,
      { as_of: params.as_of, currency_code: params.currency_code ?? null },
      async (rows) => {
        for (const r of rows) {
          if (r.currency_code !== currency) {
            await close()
            currency = r.currency_code
            debit = new Decimal(0)
            credit = new Decimal(0)
            await writer.section(r.currency_code.toUpperCase())
          }
          debit = debit.plus(toDecimal(r.debit))
          credit = credit.plus(toDecimal(r.credit))
          await writer.row({
            code: r.code,
            name: r.name,
            type: r.type,
            debit: toDecimal(r.debit).toString(),
            credit: toDecimal(r.credit).toString(),
            balance: toDecimal(r.balance).toString(),
            currency_code: r.currency_code,
          })
        }
      }
    )
    await close()
  },
}
