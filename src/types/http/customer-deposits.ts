import type { CustomerRef, ListResponse, Money, OrderRef } from "./common"

export type CustomerDepositStatus = "posted" | "applied" | "refunded" | "voided"

/** Part of a deposit applied to an order (its own entry; `unapplied_date` once taken back). */
export type CustomerDepositApplication = {
  id: string
  order_id: string
  order: OrderRef | null
  amount: Money
  application_date: string
  unapplied_date: string | null
  journal_entry_id: string
  unapply_journal_entry_id: string | null
}

/** Part of a deposit paid back to the customer. */
export type CustomerDepositRefund = {
  id: string
  amount: Money
  refund_date: string
  method: string
  reference: string | null
  journal_entry_id: string
}

export type CustomerDeposit = {
  id: string
  number: string
  status: CustomerDepositStatus
  customer_id: string
  customer: CustomerRef | null
  currency_code: string
  deposit_date: string
  method: string
  deposit_account_id: string
  reference: string | null
  memo: string | null
  amount: Money
  applied_amount: Money
  refunded_amount: Money
  /** amount - applied - refunded; 0 once voided. */
  remaining_amount: Money | null
  journal_entry_id: string
  void_date: string | null
  void_reason: string | null
  void_journal_entry_id: string | null
  applications: CustomerDepositApplication[]
  refunds: CustomerDepositRefund[]
  created_at: string
}

export type CustomerDepositInput = {
  customer_id: string
  currency_code: string
  date: string
  method: string
  amount: string
  reference?: string | null
  memo?: string | null
}

export type CustomerDepositApplyInput = { order_id: string; amount: string; date: string }

/** Check, EFT or cash (card and store credit are refused). */
export type CustomerDepositRefundInput = { amount: string; method: string; date: string; reference?: string | null }

export type CustomerDepositVoidInput = { date: string; reason?: string | null }

export type AdminCustomerDepositResponse = { deposit: CustomerDeposit }
export type AdminCustomerDepositListResponse = ListResponse<"deposits", CustomerDeposit>
export type AdminCustomerDepositApplicationResponse = { deposit: CustomerDeposit; application_id: string }
export type AdminCustomerDepositRefundResponse = { deposit: CustomerDeposit; refund_id: string }
