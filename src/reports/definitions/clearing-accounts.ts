import { loadAccountMap } from "../../modules/accounting/ledger/settings"
import {
  currencyPrecision,
  Decimal,
  isKnownCurrency,
  toDecimal,
} from "../../modules/accounting/rules/money"
import { providerAccount } from "../../modules/accounting/rules/roles"
import type { ReportWriter } from "../writers/columns"
import type { ReportContext } from "./types"

/** What the reconciliation counts: a total that must agree (its own Tally). */
export type TotalsTally = {
  totals(t: {
    check: string
    currency_code: string
    expected: Decimal
    actual: Decimal
    explained: Decimal
    agree: string
    residual: string
  }): Promise<void>
}

const endOfDay = (date: string) => new Date(`${date}T23:59:59.999Z`)

/**
 * Clearing accounts (Card Clearing, Undeposited Funds…): per provider and
 * currency, Medusa's captures − refunds − what payouts moved to the bank is
 * what should still sit in the provider's clearing account. Providers that
 * share an account are added up; the account's GL balance must equal the
 * sum, and a difference is counted in the result.
 */
export async function clearingAccountDifferences(
  ctx: ReportContext,
  params: { as_of: string },
  wanted: (currency: string) => boolean,
  writer: ReportWriter,
  tally: TotalsTally
) {
  // Each capture and refund is rounded at its currency's precision before it is
  // added up, as each is booked (and as the Medusa section above counts them).
  const { rows: currencies } = await ctx.knex.raw(`select distinct lower(currency_code) as code from payment`)
  const digits = JSON.stringify(
    Object.fromEntries(currencies.map((c: any) => [c.code, isKnownCurrency(c.code) ? currencyPrecision(c.code) : 2]))
  )
  const rounded = (alias: string) =>
    `round((${alias}.raw_amount ->> 'value')::numeric, ((?::jsonb) ->> lower(p.currency_code))::int)`
  const { rows: medusa } = await ctx.knex.raw(
    `select p.provider_id, p.currency_code,
            coalesce(sum(${rounded("c")}), 0)::text as captured, 0::text as refunded
       from capture c join payment p on p.id = c.payment_id and p.deleted_at is null
      where c.deleted_at is null and c.created_at <= ?
      group by p.provider_id, p.currency_code
     union all
     select p.provider_id, p.currency_code, '0', coalesce(sum(${rounded("r")}), 0)::text
       from refund r join payment p on p.id = r.payment_id and p.deleted_at is null
      where r.deleted_at is null and r.created_at <= ?
      group by p.provider_id, p.currency_code`,
    [digits, endOfDay(params.as_of), digits, endOfDay(params.as_of)]
  )
  // Paid out: provider payouts, and captures deposited to the bank on a deposit slip (DS-).
  const { rows: payouts } = await ctx.knex.raw(
    `select provider_id, currency_code, sum(gross)::text as paid_out
       from accounting_payout where payout_date <= ? group by provider_id, currency_code
     union all
     select p.provider_id, lower(p.currency_code), sum(i.amount)::text
       from accounting_bank_deposit_item i
       join accounting_bank_deposit d on d.id = i.deposit_id
       join capture c on c.id = i.receipt_id
       join payment p on p.id = c.payment_id
      where i.receipt_type = 'capture' and d.deposit_date <= ?
      group by p.provider_id, lower(p.currency_code)`,
    [params.as_of, params.as_of]
  )
  const map = await loadAccountMap(ctx.knex)
  const rows = new Map<string, { provider_id: string; currency: string; captured: Decimal; refunded: Decimal; paid_out: Decimal }>()
  const row = (provider_id: string, currency: string) => {
    const key = `${provider_id}|${currency}`
    const r = rows.get(key) ?? {
      provider_id,
      currency,
      captured: new Decimal(0),
      refunded: new Decimal(0),
      paid_out: new Decimal(0),
    }
    rows.set(key, r)
    return r
  }
  for (const m of medusa) {
    const r = row(m.provider_id, m.currency_code.toLowerCase())
    r.captured = r.captured.plus(toDecimal(m.captured))
    r.refunded = r.refunded.plus(toDecimal(m.refunded))
  }
  for (const p of payouts) {
    const r = row(p.provider_id, p.currency_code)
    r.paid_out = r.paid_out.plus(toDecimal(p.paid_out))
  }
  const byAccount = new Map<string, { account_id: string; currency: string; expected: Decimal }>()
  for (const r of [...rows.values()].filter((r) => wanted(r.currency)).sort((a, b) => a.provider_id.localeCompare(b.provider_id) || a.currency.localeCompare(b.currency))) {
    const balance = r.captured.minus(r.refunded).minus(r.paid_out)
    const account = providerAccount(map, r.provider_id)
    await writer.row({
      check: "Provider clearing",
      currency_code: r.currency,
      document: r.provider_id,
      reference: `captured ${r.captured} − refunded ${r.refunded} − paid out ${r.paid_out}`,
      expected: balance.toString(),
      note: "what the provider still holds for the store",
    })
    if (!account) {
      continue
    }
    const key = `${account}|${r.currency}`
    const a = byAccount.get(key) ?? { account_id: account, currency: r.currency, expected: new Decimal(0) }
    a.expected = a.expected.plus(balance)
    byAccount.set(key, a)
  }
  const accountIds = [...new Set([...byAccount.values()].map((a) => a.account_id))]
  const { rows: gl } = accountIds.length
    ? await ctx.knex.raw(
        `select l.account_id, e.currency_code, acc.code, sum(l.debit - l.credit)::text as balance
           from accounting_journal_line l
           join accounting_journal_entry e on e.id = l.entry_id
           join accounting_account acc on acc.id = l.account_id
          where e.status <> 'draft' and e.deleted_at is null and e.entry_date <= ? and l.account_id = any(?)
          group by l.account_id, e.currency_code, acc.code`,
        [params.as_of, accountIds]
      )
    : { rows: [] }
  for (const a of [...byAccount.values()].sort((x, y) => x.account_id.localeCompare(y.account_id) || x.currency.localeCompare(y.currency))) {
    const booked = gl.find((g: any) => g.account_id === a.account_id && g.currency_code === a.currency)
    await tally.totals({
      check: `Clearing ${booked?.code ?? a.account_id}`,
      currency_code: a.currency,
      expected: a.expected,
      actual: toDecimal(booked?.balance ?? 0),
      explained: new Decimal(0),
      agree: "captured − refunded − paid out = clearing balance",
      residual:
        "a capture or refund not booked, a payout not imported, or another posting to the clearing account (cash receipts, manual entries)",
    })
  }
}
