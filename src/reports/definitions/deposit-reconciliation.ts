import { Decimal, toDecimal } from "../../modules/accounting/rules/money"
import { knexRows, roleBalancesAsOf } from "../sql/as-of"
import type { ReportContext } from "./types"

/**
 * What the deposits subledger says is still held as of a day: each deposit
 * not voided by then, less its applications standing that day and its
 * refunds up to it (later rows never change a past day).
 */
const DEPOSITS_HELD_AS_OF = `
  select d.currency_code,
         sum(d.amount
             - coalesce((select sum(a.amount) from accounting_customer_deposit_application a
                          where a.deposit_id = d.id and a.deleted_at is null and a.application_date <= :as_of
                            and (a.unapplied_date is null or a.unapplied_date > :as_of)), 0)
             - coalesce((select sum(r.amount) from accounting_customer_deposit_refund r
                          where r.deposit_id = d.id and r.deleted_at is null and r.refund_date <= :as_of), 0)) as held
    from accounting_customer_deposit d
   where d.deleted_at is null and d.deposit_date <= :as_of and (d.void_date is null or d.void_date > :as_of)
   group by d.currency_code`

type Totals = {
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

/** Customer deposits held (subledger) against the Customer Advances account, per currency. */
export async function customerDepositDifferences(
  ctx: ReportContext,
  params: { as_of: string },
  wanted: (currency: string) => boolean,
  tally: Totals
) {
  const [{ rows: held }, gl] = await Promise.all([
    ctx.knex.raw(DEPOSITS_HELD_AS_OF, { as_of: params.as_of }),
    roleBalancesAsOf(knexRows(ctx.knex), params.as_of, "customer_advances"),
  ])
  const currencies = [...new Set([...held, ...gl].map((r: any) => r.currency_code as string))].filter(wanted).sort()
  for (const currency of currencies) {
    await tally.totals({
      check: "Deposits held vs Customer Advances",
      currency_code: currency,
      expected: toDecimal(held.find((r: any) => r.currency_code === currency)?.held ?? 0),
      // A liability: its balance is credits less debits.
      actual: toDecimal(gl.find((r: any) => r.currency_code === currency)?.balance ?? 0).negated(),
      explained: new Decimal(0),
      agree: "deposits held = liability account",
      residual: "a manual journal entry to the Customer Advances account, or a deposit row changed outside the ledger",
    })
  }
}
