import type { MoneyLike } from "../../rules/money"

export type CustomerDepositInput = {
  customer_id: string
  currency_code: string
  deposit_date: string
  /** A method mapped to an account in settings (check, eft, cash, card, a store's own). */
  method: string
  reference?: string | null
  memo?: string | null
  amount: MoneyLike
  metadata?: Record<string, unknown> | null
}

export type DepositApplicationInput = { order_id: string; amount: MoneyLike; date: string }

export type DepositRefundInput = { amount: MoneyLike; method: string; date: string; reference?: string | null }

export type DepositVoidInput = { date: string; reason?: string | null }

export type DepositUnapplyInput = { date: string }
