import { currencyPrecision, MoneyLike, roundMoney } from "./money"

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/

/**
 * Money on the wire: an exact decimal string at the currency's precision
 * ("40.00" USD, "1000" JPY, "1.250" KWD), the same in resources, summaries
 * and reports. Strings as PostgreSQL returns numerics take a fast path (no
 * big-number object per value: reports format millions of them).
 */
export function moneyText(value: MoneyLike, currencyCode: string): string {
  const precision = currencyPrecision(currencyCode)
  const match = typeof value === "string" ? PLAIN.exec(value) : null
  if (match && (match[3]?.length ?? 0) <= precision) {
    const [, sign, whole, fraction = ""] = match
    const text = precision ? `${whole}.${fraction.padEnd(precision, "0")}` : whole
    return sign && /[1-9]/.test(text) ? `-${text}` : text
  }
  const rounded = roundMoney(value, currencyCode)
  return (rounded.isZero() ? rounded.abs() : rounded).toFixed(precision)
}

/**
 * A running total in minor units (BigInt): exact, and cheap enough to add
 * up every row of a million-row report.
 */
export class MoneyTotal {
  private minor = 0n
  private readonly precision: number

  constructor(readonly currencyCode: string) {
    this.precision = currencyPrecision(currencyCode)
  }

  add(value: MoneyLike): this {
    const [, sign, whole, fraction] = PLAIN.exec(moneyText(value, this.currencyCode))!
    const minor = BigInt(whole + (fraction ?? "").padEnd(this.precision, "0").slice(0, this.precision))
    this.minor += sign ? -minor : minor
    return this
  }

  toString(): string {
    const negative = this.minor < 0n
    const digits = (negative ? -this.minor : this.minor).toString().padStart(this.precision + 1, "0")
    const whole = digits.slice(0, digits.length - this.precision)
    const text = this.precision ? `${whole}.${digits.slice(-this.precision)}` : whole
    return negative ? `-${text}` : text
  }
}
