import { parseAmount } from "./money"

/** "USD 500, EUR 250.50" ⇄ { usd: "500", eur: "250.50" }: one approval threshold per currency. */
export const formatThresholds = (limits: Record<string, string> | undefined) =>
  Object.entries(limits ?? {})
    .map(([currency, amount]) => `${currency.toUpperCase()} ${amount}`)
    .join(", ")

export function parseThresholds(text: string): { value?: Record<string, string>; error?: string } {
  const value: Record<string, string> = {}
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const m = /^([A-Za-z]{3})\s+(\S+)$/.exec(part)
    if (!m) {
      return { error: `"${part}" is not a currency and an amount, like USD 500` }
    }
    const currency = m[1].toLowerCase()
    if (value[currency]) {
      return { error: `${m[1].toUpperCase()} is given twice` }
    }
    const amount = parseAmount(m[2], currency, { allowZero: true })
    if (amount.error) {
      return { error: `${m[1].toUpperCase()}: ${amount.error}` }
    }
    value[currency] = m[2]
  }
  return { value }
}
