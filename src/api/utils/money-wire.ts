import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { moneyText } from "../../modules/accounting/rules/money-text"

/**
 * The keys that hold money in our JSON answers (resources, summaries, lists,
 * reports). A new money field is added here once, not formatted per route.
 */
export const MONEY_KEYS = new Set([
  "amount",
  "applied_amount",
  "available",
  "balance",
  "captured",
  "credit",
  "credits",
  "debit",
  "difference",
  "fee",
  "gross",
  "net",
  "open",
  "open_amount",
  "open_balance",
  "original_amount",
  "owed",
  "paid",
  "receivable",
  "refundable",
  "refunded",
  "refunded_amount",
  "remaining_amount",
  "reserved",
  "subtotal",
  "tax_amount",
  "tax_total",
  "total",
  "unapplied_amount",
  "threshold",
])

const isMoney = (v: unknown): v is number | string =>
  typeof v === "number" || (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v))

/** A currency we cannot name the precision of keeps its value as it is. */
function textOrAsIs(value: number | string, currency: string) {
  try {
    return moneyText(value, currency)
  } catch {
    return value
  }
}

/**
 * Money on the wire (docs/API.md): every amount an exact decimal string at
 * its currency's precision ("40.00" USD, "1000" JPY), the currency being the
 * nearest `currency_code` up the tree. Medusa's `raw_*` twins are dropped
 * after their exact value has been used. Values without a currency are left
 * as they are.
 */
export function moneyOnWire(value: unknown, currencyCode?: string): unknown {
  if (Array.isArray(value)) {
    return value.map((v) => moneyOnWire(v, currencyCode))
  }
  if (!value || typeof value !== "object" || value instanceof Date) {
    return value
  }
  const record = value as Record<string, unknown>
  const currency = typeof record.currency_code === "string" ? record.currency_code : currencyCode
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(record)) {
    if (key.startsWith("raw_") && MONEY_KEYS.has(key.slice(4))) {
      continue
    }
    const raw = record[`raw_${key}`] as { value?: unknown } | undefined
    const exact = raw && typeof raw === "object" && isMoney(raw.value) ? raw.value : v
    out[key] =
      currency && MONEY_KEYS.has(key) && isMoney(exact)
        ? textOrAsIs(exact, currency)
        : key === "metadata"
          ? v
          : moneyOnWire(v, currency)
  }
  return out
}

/** Middleware: the JSON answers of our routes go out in the money wire format. */
export function moneyWireFormat(_req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const json = res.json.bind(res)
  res.json = ((body: unknown) => json(moneyOnWire(body))) as typeof res.json
  next()
}
