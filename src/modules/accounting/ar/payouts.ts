import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import { advisoryLock } from "../db"
import { Actor, recordAudit } from "../ledger/audit"
import { postEntry } from "../ledger/posting"
import { nextDocumentNumber } from "../ledger/sequences"
import { loadAccountMap, roleAccount } from "../ledger/settings"
import { signedToLines } from "../rules/balance"
import { assertAtPrecision, Decimal, moneyColumns, sumMoney, toDecimal } from "../rules/money"
import type { PayoutInput } from "../rules/payout-input"
import { providerAccount } from "../rules/roles"

/** Medusa's captures and refunds of one provider payment id (Stripe's payment intent). */
export type ProviderPayment = {
  captures: { id: string; amount: string }[]
  refunds: { id: string; amount: string }[]
}

export type PostedPayout = { id: string; number: string; created: boolean; journal_entry_id: string }

/**
 * Posts one payout: Dr Bank (net) + Dr Processing Fees (fee) / Cr the
 * provider's clearing account (gross), numbered PO-, its lines matched to the
 * Medusa capture or refund of the same provider payment id and amount that
 * no payout matched before (else left unmatched). Once per provider + payout
 * id: a second call returns the first payout, created=false.
 */
export async function postPayout(
  knex: Knex,
  input: PayoutInput,
  ctx: Actor & { source: "stripe_csv" | "csv" | "api"; payments: Record<string, ProviderPayment> }
): Promise<PostedPayout> {
  await advisoryLock(knex, `payout:${input.provider_id}:${input.provider_payout_id}`)
  const existing = await knex("accounting_payout")
    .where({ provider_id: input.provider_id, provider_payout_id: input.provider_payout_id })
    .first()
  if (existing) {
    return { id: existing.id, number: existing.number, created: false, journal_entry_id: existing.journal_entry_id }
  }
  const currency = input.currency_code.toLowerCase()
  const lines = input.lines.map((l, i) => ({
    ...l,
    gross: assertAtPrecision(l.gross, currency, `lines[${i}].gross`),
    fee: assertAtPrecision(l.fee, currency, `lines[${i}].fee`),
  }))
  const gross = sumMoney(lines.map((l) => l.gross))
  const fee = sumMoney(lines.map((l) => l.fee))
  const net = gross.minus(fee)
  const map = await loadAccountMap(knex)
  const clearing = providerAccount(map, input.provider_id)!
  const id = generateEntityId(undefined, "payout")
  const number = await nextDocumentNumber(knex, "payout")
  const { entry } = await postEntry(knex, {
    entry_date: input.payout_date,
    currency_code: currency,
    memo: `Payout ${number} (${input.provider_id} ${input.provider_payout_id})`,
    source_type: "payout",
    source_id: id,
    source_kind: "posted",
    origin: ctx.origin,
    actor_id: ctx.actor_id,
    lines: signedToLines([
      { account_id: roleAccount(map, "bank"), amount: net, description: "Payout net" },
      { account_id: roleAccount(map, "processing_fees"), amount: fee, description: "Processing fees" },
      { account_id: clearing, amount: gross.negated(), description: "Payout gross" },
    ]),
  })
  await knex("accounting_payout").insert({
    id,
    number,
    provider_id: input.provider_id,
    provider_payout_id: input.provider_payout_id,
    currency_code: currency,
    payout_date: input.payout_date,
    ...moneyColumns("gross", gross),
    ...moneyColumns("fee", fee),
    ...moneyColumns("net", net),
    source: ctx.source,
    journal_entry_id: entry.id,
    created_by: ctx.actor_id ?? null,
  })
  const matches = await matchLines(knex, lines, ctx.payments)
  await knex("accounting_payout_line").insert(
    lines.map((l, i) => ({
      id: generateEntityId(undefined, "poline"),
      payout_id: id,
      line_no: i + 1,
      reporting_category: l.reporting_category,
      provider_payment_id: l.provider_payment_id ?? null,
      description: l.description ?? null,
      ...moneyColumns("gross", l.gross),
      ...moneyColumns("fee", l.fee),
      ...moneyColumns("net", l.gross.minus(l.fee)),
      matched_type: matches[i]?.type ?? null,
      matched_id: matches[i]?.id ?? null,
    }))
  )
  await recordAudit(knex, {
    entity_type: "payout",
    entity_id: id,
    action: "post",
    to_status: "posted",
    data: { number, provider_payout_id: input.provider_payout_id, source: ctx.source },
    ...ctx,
  })
  return { id, number, created: true, journal_entry_id: entry.id }
}

/**
 * A charge settles the capture of its payment with the same amount, a
 * negative line the refund of that amount; each capture or refund is paid
 * out once (earlier payouts and earlier lines keep theirs). No match, no guess.
 */
async function matchLines(
  knex: Knex,
  lines: { provider_payment_id?: string | null; gross: Decimal }[],
  payments: Record<string, ProviderPayment>
): Promise<({ type: "capture" | "refund"; id: string } | null)[]> {
  const candidates = Object.values(payments).flatMap((p) => [...p.captures, ...p.refunds].map((c) => c.id))
  const taken = new Set<string>(
    candidates.length
      ? (
          await knex("accounting_payout_line").select("matched_id").whereIn("matched_id", candidates)
        ).map((r: any) => r.matched_id)
      : []
  )
  return lines.map((line) => {
    const payment = line.provider_payment_id ? payments[line.provider_payment_id] : undefined
    if (!payment || line.gross.isZero()) {
      return null
    }
    const isRefund = line.gross.lt(0)
    const pool = isRefund ? payment.refunds : payment.captures
    const hit = pool.find((c) => !taken.has(c.id) && toDecimal(c.amount).isEqualTo(line.gross.abs()))
    if (!hit) {
      return null
    }
    taken.add(hit.id)
    return { type: isRefund ? "refund" : "capture", id: hit.id }
  })
}
