import type { MoneyLike } from "../../rules/money"

export type WriteOffInput = {
  order_id: string
  /** Omitted: all the order still owes. */
  amount?: MoneyLike | null
  date: string
  /** One of settings → reason_codes.write_off (required there or not). */
  reason_code?: string | null
  memo?: string | null
  metadata?: Record<string, unknown> | null
}

export type BulkWriteOffInput = {
  currency_code: string
  /** Orders owing more than 0 and at most this are written off, each in full. */
  threshold: MoneyLike
  date: string
  reason_code?: string | null
  customer_id?: string | null
  memo?: string | null
}
