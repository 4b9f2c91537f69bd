import BigNumber from "bignumber.js"

/**
 * Every amount the admin shows, sums or compares goes through here. The API
 * sends numbers today and decimal strings soon: both are read as exact
 * decimals (bignumber.js), never added as floats.
 */
export type MoneyValue = number | string

/** An amount as an exact decimal; null, "" and anything unreadable are zero. */
export function toDecimal(value: MoneyValue | null | undefined): BigNumber {
  if (value === null || value === undefined || value === "") {
    return new BigNumber(0)
  }
  // A JS number is read through its shortest decimal form (0.1 stays 0.1).
  const d = new BigNumber(typeof value === "number" ? String(value) : value.trim())
  return d.isFinite() ? d : new BigNumber(0)
}

export const sumMoney = (values: (MoneyValue | null | undefined)[]) =>
  values.reduce<BigNumber>((acc, v) => acc.plus(toDecimal(v)), new BigNumber(0))

/** Minor-unit digits of a currency as the browser knows it (JPY 0, USD 2, KWD 3). */
export function currencyDecimals(currency: string | null | undefined): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: (currency ?? "usd").toUpperCase() })
      .resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

/**
 * An amount in its currency, in the browser's locale; rounded once to the
 * currency's digits, and never "−0.00". Display only: the rounded decimal
 * has at most 15 significant digits (the API's limit), which a double holds
 * exactly, so handing it to Intl loses nothing.
 */
export function formatMoney(amount: MoneyValue | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === "") {
    return "–"
  }
  const code = (currency ?? "usd").toUpperCase()
  const rounded = toDecimal(amount).decimalPlaces(currencyDecimals(code), BigNumber.ROUND_HALF_UP)
  const value = rounded.isZero() ? 0 : rounded.toNumber()
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: code }).format(value)
  } catch {
    return `${rounded.toFixed()} ${code}`
  }
}

/** The plain decimal an input should show for an amount ("12.5" → "12.50" in USD). */
export const toInputAmount = (amount: MoneyValue | null | undefined, currency: string) =>
  toDecimal(amount).toFixed(currencyDecimals(currency))

export type ParsedAmount = { amount: BigNumber; error?: undefined } | { amount?: undefined; error: string }

/**
 * What someone typed in an amount field, checked the way the API will check
 * it, in plain words: a positive decimal with at most the currency's digits.
 */
export function parseAmount(
  text: string,
  currency: string,
  { allowZero = false }: { allowZero?: boolean } = {}
): ParsedAmount {
  const value = text.trim()
  if (!value) {
    return { error: "Enter an amount" }
  }
  if (!/^\d+(\.\d+)?$/.test(value)) {
    return { error: "Enter an amount like 12.50 (digits and a decimal point only)" }
  }
  const digits = currencyDecimals(currency)
  const decimals = value.split(".")[1]?.length ?? 0
  if (decimals > digits) {
    return {
      error: digits
        ? `${currency.toUpperCase()} amounts have at most ${digits} decimals`
        : `${currency.toUpperCase()} amounts have no decimals`,
    }
  }
  const amount = new BigNumber(value)
  if (amount.isZero() && !allowZero) {
    return { error: "Enter an amount above 0" }
  }
  return { amount }
}
