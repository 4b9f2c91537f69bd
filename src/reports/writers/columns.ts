import type { MoneyLike } from "../../modules/accounting/rules/money"
import { moneyText } from "../../modules/accounting/rules/money-text"
/** A column of a report, shared by every format. */
export type ReportColumn = {
  key: string
  header: string
  /** money: decimal string with the row's currency; number: integer; text otherwise. */
  type?: "text" | "money" | "number" | "date"
  /** PDF width in points. */
  width?: number
}

export type ReportMeta = {
  title: string
  /** Lines under the title: filters, as-of date, basis… */
  subtitle: string[]
  columns: ReportColumn[]
  /** Wide reports print landscape. */
  landscape?: boolean
  /** Column with the row's currency (money cells use it). */
  currencyKey?: string
}

export type ReportRow = Record<string, unknown>

/** Everything a report format writes: rows as they come, totals at the end. */
export interface ReportWriter {
  /** Starts a section (e.g. one per currency: a sheet in XLSX). */
  section(name: string): Promise<void> | void
  row(row: ReportRow): Promise<void> | void
  total(row: ReportRow): Promise<void> | void
  /** `summary` ends the JSON object (e.g. { reconciled: true }); files show it as the last line. */
  end(summary?: Record<string, unknown>): Promise<void>
}

/**
 * The one money format of every report and every format: money columns as
 * exact decimal strings at the currency's precision (the row's currency
 * column), whatever the definition computed them as.
 */
export function withMoneyText(meta: ReportMeta, row: ReportRow): ReportRow {
  const currency = row[meta.currencyKey ?? "currency_code"]
  if (typeof currency !== "string" || !currency) {
    return row
  }
  const out: ReportRow = { ...row }
  for (const c of meta.columns) {
    const v = row[c.key]
    if (c.type === "money" && v !== null && v !== undefined && v !== "") {
      out[c.key] = moneyText(v as MoneyLike, currency)
    }
  }
  return out
}
