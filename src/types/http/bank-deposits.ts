import type { Money } from "./common"

export type DepositReceiptType = "capture" | "received_payment"

/** A receipt sitting in Undeposited Funds, not yet deposited. */
export type UndepositedReceipt = {
  type: DepositReceiptType
  id: string
  date: string
  currency_code: string
  amount: Money
  description: string
}
export type BankDepositItem = {
  id: string
  line_no: number
  receipt_type: DepositReceiptType
  receipt_id: string
  receipt_date: string
  description: string | null
  amount: Money
}
export type BankDeposit = {
  id: string
  number: string
  currency_code: string
  deposit_date: string
  reference: string | null
  memo: string | null
  total: Money
  journal_entry_id: string
  created_by: string | null
  created_at: string
  items?: BankDepositItem[]
  /** In lists: how many receipts the slip holds, and the bank account its entry debited. */
  receipt_count?: number
  bank_account?: { code: string; name: string } | null
}
export type BankDepositInput = {
  currency_code: string
  deposit_date: string
  reference?: string | null
  memo?: string | null
  receipts: { type: DepositReceiptType; id: string }[]
}
