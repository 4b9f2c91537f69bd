import path from "path"

/** Options shared by the module's integration tests: real schema, with the guard migration. */
export const moduleTestOptions = {
  moduleName: "accounting",
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
}

export const ACCOUNTS = {
  bank: "acct_1000",
  ar: "acct_1100",
  undeposited: "acct_1200",
  clearing: "acct_1210",
  tax: "acct_2100",
  deposits: "acct_2200",
  sales: "acct_4000",
  returns: "acct_4100",
  shipping: "acct_4200",
}

export function saleLines(amount: string, customer_id = "cus_1") {
  return [
    { account_id: ACCOUNTS.ar, debit: amount, customer_id },
    { account_id: ACCOUNTS.sales, credit: amount, customer_id },
  ]
}

import type { OrderSnapshot } from "../rules/order-recognition"

/** A Medusa order as the ledger sees it: 2 x 100 at 10% tax + 10 shipping (+1 tax) = 231. */
export function orderSnapshot(over: Partial<OrderSnapshot> = {}): OrderSnapshot {
  return {
    id: "order_1",
    display_id: 1001,
    status: "pending",
    version: 1,
    currency_code: "usd",
    customer_id: "cus_1",
    region_id: "reg_1",
    sales_channel_id: "sc_1",
    customer_group_ids: [],
    order_date: "2026-01-10",
    change_date: "2026-01-10",
    totals: { item_subtotal: 200, shipping_subtotal: 10, discount_subtotal: 0, tax_total: 21, total: 231 },
    credit_lines: [],
    payments: [],
    ...over,
  }
}

export const payment = (
  captures: { id: string; amount: number; date: string }[],
  refunds: { id: string; amount: number; date: string; customer_refund_id?: string }[] = [],
  provider_id = "pp_system_default"
) => ({ id: "pay_1", provider_id, captures, refunds })

/** Every journal line of a source, as [account, debit, credit] in line order. */
export async function glLines(knex: any, sourceType: string, sourceId: string) {
  const { rows } = await knex.raw(
    `select a.code, (l.raw_debit->>'value') as debit, (l.raw_credit->>'value') as credit
       from accounting_journal_line l
       join accounting_journal_entry e on e.id = l.entry_id
       join accounting_account a on a.id = l.account_id
      where e.source_type = ? and e.source_id = ?
      order by e.chain_seq, l.line_no`,
    [sourceType, sourceId]
  )
  return rows.map((r: any) => [r.code, r.debit, r.credit])
}

/** Sum of open AR documents (debits minus credits) and the AR control balance, per currency. */
export async function arTieOut(knex: any) {
  const { rows } = await knex.raw(`
    select c.currency_code,
           coalesce(s.open, 0)::text as subledger,
           coalesce(g.balance, 0)::text as control
      from (select distinct currency_code from accounting_journal_entry) c
      left join (select currency_code, sum(sign * open_amount) as open
                   from accounting_ar_document where deleted_at is null group by currency_code) s
        on s.currency_code = c.currency_code
      left join (select e.currency_code, sum(l.debit - l.credit) as balance
                   from accounting_journal_line l
                   join accounting_journal_entry e on e.id = l.entry_id
                  where l.account_id = 'acct_1100' and e.status <> 'draft'
                  group by e.currency_code) g
        on g.currency_code = c.currency_code`)
  return rows
}

export async function expectArTiesOut(knex: any) {
  for (const row of await arTieOut(knex)) {
    expect(Number(row.subledger)).toBeCloseTo(Number(row.control), 10)
    expect(row.subledger.replace(/\.?0+$/, "")).toBe(row.control.replace(/\.?0+$/, ""))
  }
}
