import { Decimal, toDecimal } from "../../modules/accounting/rules/money"
import { customerNames } from "../customers"
import { streamQuery } from "../cursor"
import type { ReportContext, ReportDefinition } from "./types"

export type GeneralLedgerParams = { from: string; to: string; account_id?: string; currency_code?: string }

/**
 * Every line of the period by account: opening balance, the lines with a
 * running balance, closing balance (per currency).
 */
export const generalLedgerReport: ReportDefinition<GeneralLedgerParams> = {
  name: "general-ledger",
  meta: (params) => ({
    title: "General ledger",
    subtitle: [
      `From ${params.from} to ${params.to}`,
      [
        params.account_id && `Account: ${params.account_id}`,
        params.currency_code && `Currency: ${params.currency_code.toUpperCase()}`,
      ]
        .filter(Boolean)
        .join(", ") || "All accounts and currencies",
    ],
    columns: [
      { key: "account", header: "Account", width: 110 },
      { key: "date", header: "Date", type: "date", width: 58 },
      { key: "entry", header: "Entry", width: 62 },
      { key: "memo", header: "Memo", width: 170 },
      { key: "source", header: "Source", width: 90 },
      { key: "customer", header: "Customer", width: 90 },
      { key: "debit", header: "Debit", type: "money", width: 70 },
      { key: "credit", header: "Credit", type: "money", width: 70 },
      { key: "balance", header: "Balance", type: "money", width: 75 },
      { key: "currency_code", header: "Cur.", width: 30 },
    ],
    landscape: true,
    currencyKey: "currency_code",
  }),
  header: (params) => ({ from: params.from, to: params.to, account_id: params.account_id ?? null }),

  async run(ctx: ReportContext, params, writer) {
    const filters = [
      params.account_id && "and l.account_id = :account_id",
      params.currency_code && "and e.currency_code = :currency_code",
    ]
      .filter(Boolean)
      .join(" ")
    // Opening balances and the period's lines in one ordered stream.
    const sql = `
      with opening as (
        select e.currency_code, l.account_id, sum(l.debit - l.credit) as balance
          from accounting_journal_line l join accounting_journal_entry e on e.id = l.entry_id
         where e.status <> 'draft' and e.deleted_at is null and e.entry_date < :from ${filters}
         group by e.currency_code, l.account_id
      ), period as (
        select e.currency_code, l.account_id, e.entry_date, e.number, e.chain_seq, l.line_no, e.memo,
               e.source_type, l.customer_id, l.debit, l.credit
          from accounting_journal_line l join accounting_journal_entry e on e.id = l.entry_id
         where e.status <> 'draft' and e.deleted_at is null and e.entry_date between :from and :to ${filters}
      )
      select x.*, a.code, a.name,
             coalesce(o.balance, 0) + sum(coalesce(x.debit, 0) - coalesce(x.credit, 0))
               over (partition by x.currency_code, x.account_id order by x.entry_date nulls first, x.chain_seq nulls first, x.line_no
                     rows unbounded preceding) as running
        from (select currency_code, account_id, null::text as entry_date, null::text as number, null::int as chain_seq,
                     0 as line_no, 'Opening balance' as memo, null::text as source_type, null::text as customer_id,
                     null::numeric as debit, null::numeric as credit
                from opening
              union all select * from period) x
        join accounting_account a on a.id = x.account_id
        left join opening o on o.currency_code = x.currency_code and o.account_id = x.account_id
       order by x.currency_code, a.code, x.entry_date nulls first, x.chain_seq nulls first, x.line_no`
    let currency: string | null = null
    let account: string | null = null
    let last: {
      running: Decimal
      debit: Decimal
      credit: Decimal
      currency: string
      account: string
    } | null = null
    const closeAccount = async () => {
      if (last) {
        await writer.total({
          account: `${last.account} closing`,
          currency_code: last.currency,
          debit: last.debit.toString(),
          credit: last.credit.toString(),
          balance: last.running.toString(),
        })
      }
    }
    await streamQuery(
      ctx.knex,
      sql,
      {
        from: params.from,
        to: params.to,
        account_id: params.account_id ?? null,
        currency_code: params.currency_code ?? null,
      },
      async (rows) => {
        // Customers by name, one query per batch of rows.
        const names = await customerNames(
          ctx.container,
          rows.map((r) => r.customer_id).filter(Boolean)
        )
        for (const r of rows) {
          const label = `${r.code} ${r.name}`
          if (r.currency_code !== currency || label !== account) {
            await closeAccount()
            if (r.currency_code !== currency) {
              await writer.section(r.currency_code.toUpperCase())
            }
            currency = r.currency_code
            account = label
            last = {
              running: new Decimal(0),
              debit: new Decimal(0),
              credit: new Decimal(0),
              currency: r.currency_code,
              account: label,
            }
          }
          last!.running = toDecimal(r.running)
          last!.debit = last!.debit.plus(toDecimal(r.debit ?? 0))
          last!.credit = last!.credit.plus(toDecimal(r.credit ?? 0))
          await writer.row({
            account: label,
            date: r.entry_date ?? params.from,
            entry: r.number ?? "",
            memo: r.memo ?? "",
            source: r.source_type ?? "",
            customer: r.customer_id ? (names.get(r.customer_id)?.name ?? r.customer_id) : "",
            customer_id: r.customer_id ?? "",
            debit: r.debit === null ? "" : toDecimal(r.debit).toString(),
            credit: r.credit === null ? "" : toDecimal(r.credit).toString(),
            balance: toDecimal(r.running).toString(),
            currency_code: r.currency_code,
          })
        }
      }
    )
    await closeAccount()
  },
}
