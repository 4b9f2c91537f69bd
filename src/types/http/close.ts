import type { Money } from "./common"

/** One line of a period's close checklist; `blocking` items refuse the close unless forced. */
export type PeriodChecklistItem = {
  key: string
  label: string
  blocking: boolean
  count: number
  entries: {
    id: string
    reference: string | null
    date?: string | null
    amount?: string
    currency_code?: string
  }[]
}
export type PeriodChecklist = {
  period_id: string
  as_of: string
  can_close: boolean
  blocking: number
  items: PeriodChecklistItem[]
}

export type PayoutLine = {
  id: string
  line_no: number
  reporting_category: string
  provider_payment_id: string | null
  description: string | null
  gross: Money
  fee: Money
  net: Money
  matched_type: "capture" | "refund" | null
  matched_id: string | null
}
export type Payout = {
  id: string
  number: string
  provider_id: string
  provider_payout_id: string
  currency_code: string
  payout_date: string
  gross: Money
  fee: Money
  net: Money
  source: "stripe_csv" | "csv" | "api"
  journal_entry_id: string
  created_by: string | null
  created_at: string
  lines?: PayoutLine[]
  /** In lists: how many of its lines a capture or refund matched, and how many none did. */
  line_counts?: { matched: number; unmatched: number }
}
export type PostedPayout = { id: string; number: string; created: boolean; journal_entry_id: string }
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

/** A line of the import file that cannot be posted: `row` is the file's line (header = 1). */
export type PayoutFileError = { row: number; field: string; message: string }

/** A payout line that matched no Medusa capture or refund. */
export type UnmatchedPayoutLine = {
  id: string
  payout_id: string
  payout_number: string
  provider_id: string
  currency_code: string
  line_no: number
  reporting_category: string
  provider_payment_id: string | null
  gross: Money
  fee: Money
}
/** A processor's capture that no payout line has paid out yet. */
export type UnpaidCapture = {
  id: string
  payment_id: string
  provider_id: string
  currency_code: string
  provider_payment_id: string | null
  amount: Money
  created_at: string
}
export type UnmatchedPayouts = { unmatched_lines: UnmatchedPayoutLine[]; unpaid_captures: UnpaidCapture[] }
