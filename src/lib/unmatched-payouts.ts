import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** Manual/system payments are never paid out by a processor. */
const NOT_PAID_OUT = ["pp_system_default"]

/**
 * Payout lines no capture or refund matched, and captures of processor
 * payments no payout line matched (captured up to the end of `as_of`, UTC).
 */
export async function unmatchedPayoutItems(
  container: MedusaContainer,
  { provider_id, as_of }: { provider_id?: string; as_of?: string }
) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const lines = await knex("accounting_payout_line as l")
    .join("accounting_payout as p", "p.id", "l.payout_id")
    .select(
      "l.id",
      "p.id as payout_id",
      "p.number as payout_number",
      "p.provider_id",
      "p.currency_code",
      "l.line_no",
      "l.reporting_category",
      "l.provider_payment_id",
      "l.gross",
      "l.fee"
    )
    .whereNull("l.matched_id")
    .modify((q: any) => provider_id && q.where("p.provider_id", provider_id))
    .modify((q: any) => as_of && q.where("p.payout_date", "<=", as_of))
    .orderBy(["p.payout_date", "p.number", "l.line_no"])
    .limit(500)
  const { rows: captures } = await knex.raw(
    `select c.id, c.payment_id, p.provider_id, p.currency_code, p.data->>'id' as provider_payment_id,
            c.amount::text as amount, c.created_at
       from capture c join payment p on p.id = c.payment_id and p.deleted_at is null
      where c.deleted_at is null and p.provider_id <> all(?)
        and (?::text is null or p.provider_id = ?)
        and (?::text is null or c.created_at <= (?::date + interval '1 day'))
        and not exists (select 1 from accounting_payout_line l
                         where l.matched_type = 'capture' and l.matched_id = c.id)
      order by c.created_at, c.id
      limit 500`,
    [NOT_PAID_OUT, provider_id ?? null, provider_id ?? null, as_of ?? null, as_of ?? null]
  )
  return {
    unmatched_lines: lines.map((l: any) => ({ ...l, gross: String(l.gross), fee: String(l.fee) })),
    unpaid_captures: captures,
  }
}
