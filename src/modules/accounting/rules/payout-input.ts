import { accountingDay, isIsoDate } from "./dates"
import { Decimal, toDecimal } from "./money"

/** One payout as posted: header and balance-transaction lines (amounts as exact decimal strings). */
export type PayoutInput = {
  provider_id: string
  provider_payout_id: string
  currency_code: string
  payout_date: string
  lines: PayoutLineInput[]
}

export type PayoutLineInput = {
  reporting_category: string
  provider_payment_id?: string | null
  description?: string | null
  gross: string
  fee: string
}

/** A refused line of a payout file: file line, column (our field name) and a sentence. */
export type PayoutFileError = { row: number; field: string; message: string }

/** Which file column holds each field (Stripe's names for the Stripe export). */
export type PayoutColumnMapping = {
  payout_id: string
  payout_date: string
  currency: string
  gross: string
  fee: string
  net?: string
  category?: string
  payment_id?: string
  description?: string
}

/** Stripe's "Itemized payout reconciliation" export (Reports → Payout reconciliation). */
export const STRIPE_PAYOUT_MAPPING: PayoutColumnMapping = {
  payout_id: "automatic_payout_id",
  payout_date: "automatic_payout_effective_at",
  currency: "currency",
  gross: "gross",
  fee: "fee",
  net: "net",
  category: "reporting_category",
  payment_id: "payment_intent_id",
  description: "description",
}

const DECIMAL = /^-?\d{1,13}(\.\d{1,6})?$/
const CURRENCY = /^[A-Za-z]{3}$/
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(:\d{2})?)Z?$/

/** The day of a file's date cell: a plain day, or a UTC date-time read as the store's local day. */
export function payoutDay(value: string, timeZone: string): string | null {
  if (isIsoDate(value)) {
    return value
  }
  const m = DATE_TIME.exec(value)
  if (!m || !isIsoDate(m[1])) {
    return null
  }
  return accountingDay(`${m[1]}T${m[2]}${m[3] ? "" : ":00"}Z`, timeZone)
}

/**
 * Groups a payout file's rows into payouts, checking every row: amounts are
 * exact decimals and net = gross - fee; the rows of one payout agree on its
 * currency and date. Returns every error at once; the caller posts nothing
 * when there is any.
 */
export function payoutsFromRows(
  records: { line: number; values: Record<string, string> }[],
  mapping: PayoutColumnMapping,
  { provider_id, timezone }: { provider_id: string; timezone: string }
): { payouts: (PayoutInput & { rows: number[] })[]; errors: PayoutFileError[] } {
  const errors: PayoutFileError[] = []
  const payouts = new Map<string, PayoutInput & { rows: number[] }>()
  for (const { line, values } of records) {
    const cell = (field: keyof PayoutColumnMapping) => {
      const column = mapping[field]
      return column ? (values[column.toLowerCase()] ?? "").trim() : ""
    }
    const fail = (field: string, message: string) => errors.push({ row: line, field, message: `line ${line}: ${field} ${message}` })
    const before = errors.length
    const payoutId = cell("payout_id")
    if (!payoutId) {
      fail("payout_id", "is empty")
    }
    const day = payoutDay(cell("payout_date"), timezone)
    if (!day) {
      fail("payout_date", `must be a date like 2026-01-31 (got ${JSON.stringify(cell("payout_date"))})`)
    }
    const currency = cell("currency")
    if (!CURRENCY.test(currency)) {
      fail("currency", `must be a 3-letter currency code (got ${JSON.stringify(currency)})`)
    }
    const amounts: Record<string, Decimal> = {}
    for (const field of ["gross", "fee", "net"] as const) {
      const text = cell(field)
      if (field === "net" && !mapping.net) {
        continue
      }
      if (!DECIMAL.test(text)) {
        fail(field, `must be a decimal amount like -12.34 (got ${JSON.stringify(text)})`)
        continue
      }
      amounts[field] = toDecimal(text)
    }
    if (amounts.gross && amounts.fee && amounts.net && !amounts.gross.minus(amounts.fee).isEqualTo(amounts.net)) {
      fail("net", `${amounts.net} is not gross ${amounts.gross} less fee ${amounts.fee}`)
    }
    if (errors.length > before) {
      continue
    }
    const existing = payouts.get(payoutId)
    if (existing) {
      if (existing.currency_code !== currency.toLowerCase()) {
        fail("currency", `${currency.toUpperCase()} differs from ${existing.currency_code.toUpperCase()} on line ${existing.rows[0]} of payout ${payoutId} (currency mismatch)`)
        continue
      }
      if (existing.payout_date !== day) {
        fail("payout_date", `${day} differs from ${existing.payout_date} on line ${existing.rows[0]} of payout ${payoutId}`)
        continue
      }
    }
    const payout = existing ?? {
      provider_id,
      provider_payout_id: payoutId,
      currency_code: currency.toLowerCase(),
      payout_date: day!,
      lines: [],
      rows: [],
    }
    payout.rows.push(line)
    payout.lines.push({
      reporting_category: cell("category") || "charge",
      provider_payment_id: cell("payment_id") || null,
      description: cell("description") || null,
      gross: amounts.gross.toString(),
      fee: amounts.fee.toString(),
    })
    payouts.set(payoutId, payout)
  }
  return { payouts: [...payouts.values()], errors }
}
