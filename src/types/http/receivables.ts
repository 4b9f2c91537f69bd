import type { AvailableCredit, OpenOrder } from "./credits"
import type { CustomerRef, Money, OrderRef } from "./common"

/** A standing application of a credit (batch id for unapply), as payments list them. */
export type CreditApplication = {
  id: string
  kind: string
  order_id: string | null
  document_number: string | null
  amount: Money
  date: string
  unapplied_date: string | null
}

export type ReceivedPayment = {
  id: string
  number: string
  status: "posted" | "reversed"
  customer_id: string
  customer: CustomerRef | null
  currency_code: string
  payment_date: string
  method: string
  payment_account_id: string
  reference: string | null
  memo: string | null
  amount: Money
  unapplied_amount: Money | null
  medusa_payment_id: string | null
  journal_entry_id: string
  reversal_date: string | null
  reversal_kind: PaymentReversalKind | null
  reversal_reason: string | null
  applications: CreditApplication[]
  created_at: string
}

export type PaymentReversalKind = "bounced" | "chargeback" | "error" | "other"

export type ReceivedPaymentInput = {
  customer_id: string
  currency_code: string
  date: string
  method: string
  amount: string
  reference?: string | null
  memo?: string | null
  payment_account_id?: string | null
  medusa_payment_id?: string | null
  /** Omitted: oldest due first; `[]` keeps it all unapplied. */
  allocations?: { order_id: string; amount: string }[]
}

export type WriteOff = {
  id: string
  /** Null while a draft awaits approval (numbered when posted). */
  number: string | null
  status: "draft" | "posted" | "voided"
  approval_status: "not_required" | "pending" | "approved" | "rejected"
  rejection_reason: string | null
  created_by: string | null
  customer_id: string
  customer: CustomerRef | null
  order_id: string
  order: OrderRef | null
  currency_code: string
  write_off_date: string
  amount: Money
  reason_code: string | null
  /** The code's label in settings → reason_codes (the code if it left the list). */
  reason_label: string | null
  memo: string | null
  batch_id: string | null
  void_date: string | null
  void_reason: string | null
  created_at: string
}

export type WriteOffInput = {
  order_id: string
  amount?: string
  date: string
  reason_code?: string | null
  memo?: string | null
}
export type BulkWriteOffInput = {
  currency_code: string
  threshold: string
  date: string
  reason_code?: string | null
  customer_id?: string | null
  memo?: string | null
}

/** What the "Apply credits" page shows: open orders beside open credits. */
export type CustomerOpenItems = {
  open_orders: Omit<OpenOrder, "display_id">[]
  credits: AvailableCredit[]
}
