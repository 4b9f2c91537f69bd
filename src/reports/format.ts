import { currencyPrecision, Decimal, MoneyLike, toDecimal } from "../modules/accounting/rules/money"

/** 1234.5 USD -> "1,234.50" (exact, at the currency's precision). */
export function formatAmount(value: MoneyLike, currency: string): string {
  return toDecimal(value).toFormat(currencyPrecision(currency), Decimal.ROUND_HALF_UP, {
    decimalSeparator: ".",
    groupSeparator: ",",
    groupSize: 3,
  })
}

/** Excel number format for a currency: grouping, its decimals, negatives in parentheses. */
export function excelCurrencyFormat(currency: string): string {
  const precision = currencyPrecision(currency)
  const body = precision ? `#,##0.${"0".repeat(precision)}` : "#,##0"
  return `${body} "${currency.toUpperCase()}";(${body}) "${currency.toUpperCase()}"`
}

/**
 * Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) get a
 * leading apostrophe: exported text can never execute (CSV/XLSX injection).
 * Numbers are left alone.
 */
export function neutraliseFormula(value: unknown): unknown {
  if (typeof value !== "string") {
    return value
  }
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}
