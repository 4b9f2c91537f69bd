import BigNumber from "bignumber.js"
import { defaultCurrencies, MedusaError } from "@medusajs/framework/utils"
import { AccountingError } from "../errors"

/**
 * Decimal arithmetic for money: no exponent notation, half-up rounding.
 * Compare with gt(0)/lt(0): bignumber's isPositive() is true for zero.
 */
export const Decimal = BigNumber.clone({
  EXPONENTIAL_AT: 1e9,
  ROUNDING_MODE: BigNumber.ROUND_HALF_UP,
  DECIMAL_PLACES: 30,
})
export type Decimal = BigNumber

/** Anything a money value arrives as: API strings, stored numerics, raw bigNumber json. */
export type MoneyLike =
  | string
  | number
  | BigNumber
  | { value: string | number }
  | { raw?: { value: string | number }; numeric?: number }
  | null
  | undefined

export function toDecimal(value: MoneyLike): Decimal {
  if (value === null || value === undefined) {
    return new Decimal(0)
  }
  if (BigNumber.isBigNumber(value)) {
    return new Decimal(value)
  }
  if (typeof value === "object") {
    if ("value" in value) {
      return new Decimal(value.value)
    }
    if ("raw" in value && value.raw) {
      return new Decimal(value.raw.value)
    }
    if ("numeric" in value && value.numeric !== undefined) {
      return new Decimal(value.numeric)
    }
  }
  const d = new Decimal(value as string | number)
  if (!d.isFinite()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Not an amount: ${value}`)
  }
  return d
}

/** Reads a bigNumber field of a stored row, exactly (prefers its raw_ twin). */
export function readMoney(row: Record<string, any>, field: string): Decimal {
  const raw = row[`raw_${field}`]
  if (raw && raw.value !== undefined && raw.value !== null) {
    return new Decimal(raw.value)
  }
  return toDecimal(row[field])
}

const precisions = new Map<string, number>()

/** Minor-unit digits of an ISO 4217 currency (JPY 0, USD 2, KWD 3). */
export function currencyPrecision(currencyCode: string): number {
  const known = precisions.get(currencyCode)
  if (known !== undefined) {
    return known
  }
  const currency = defaultCurrencies[currencyCode?.toUpperCase?.() ?? ""]
  if (!currency) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown currency code: ${currencyCode}`)
  }
  precisions.set(currencyCode, currency.decimal_digits)
  return currency.decimal_digits
}

export function isKnownCurrency(currencyCode: string): boolean {
  return !!defaultCurrencies[currencyCode?.toUpperCase?.() ?? ""]
}

/** The one explicit rounding: half-up at the currency's precision. */
export function roundMoney(value: MoneyLike, currencyCode: string): Decimal {
  return toDecimal(value).decimalPlaces(currencyPrecision(currencyCode), BigNumber.ROUND_HALF_UP)
}

/** Refuses an amount with more decimals than its currency has. */
export function assertAtPrecision(value: MoneyLike, currencyCode: string, label = "amount"): Decimal {
  const d = toDecimal(value)
  const precision = currencyPrecision(currencyCode)
  if ((d.decimalPlaces() ?? 0) > precision) {
    throw new AccountingError(
      "PRECISION_EXCEEDED",
      `${label} ${d.toString()} has more than ${precision} decimals, the precision of ${currencyCode.toUpperCase()}`
    )
  }
  return d
}

export function sumMoney(values: MoneyLike[]): Decimal {
  return values.reduce<Decimal>((acc, v) => acc.plus(toDecimal(v)), new Decimal(0))
}

/** jsonb value of a bigNumber's raw_ column. */
export function rawMoney(value: MoneyLike): string {
  return JSON.stringify({ value: toDecimal(value).toString(), precision: 20 })
}

/** A bigNumber column and its raw_ twin, for an insert or update. */
export function moneyColumns(field: string, value: MoneyLike) {
  return { [field]: toDecimal(value).toString(), [`raw_${field}`]: rawMoney(value) }
}
