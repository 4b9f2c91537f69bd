import { currencyPrecision } from "../../modules/accounting/rules/money"

/**
 * SQL twins of the CSV writer's cell rules, for reports whose CSV
 * PostgreSQL formats itself (COPY ... WITH CSV): the same text, byte for byte.
 */

/** A SQL string literal. */
export const literal = (text: string) => `'${text.replace(/'/g, "''")}'`

/** A text cell: formula-like text gets a leading apostrophe (neutraliseFormula); '' and null are both empty. */
export const textCell = (column: string) =>
  `nullif(case when left(${column}, 1) in ('=', '+', '-', '@', E'\\t', E'\\r') then '''' || ${column} else ${column} end, '')`

/**
 * Minor-unit digits of the currency in `column` (currencyPrecision of each
 * listed currency, 2 otherwise): one lookup in a constant jsonb object per
 * row, not a comparison per currency.
 */
export function precisionCase(column: string, currencies: string[]) {
  const odd = Object.fromEntries(
    currencies.filter((c) => currencyPrecision(c) !== 2).map((c) => [c, currencyPrecision(c)])
  )
  return Object.keys(odd).length ? `coalesce((${literal(JSON.stringify(odd))}::jsonb ->> ${column})::int, 2)` : "2"
}

/** A money cell: half-up (away from zero) at the currency's precision, fixed decimals (moneyText). */
export const moneyCell = (column: string, precision: string) => `round(${column}, ${precision})`

/** `case column when k then 'label' ... else fallback end` for a label map. */
export const labelCase = (column: string, labels: Record<string | number, string>, fallback = "null") =>
  `case ${column} ${Object.entries(labels)
    .map(([k, v]) => `when ${typeof k === "number" ? k : literal(k)} then ${literal(v)}`)
    .join(" ")} else ${fallback} end`
