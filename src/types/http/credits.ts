import type { Money } from "./common"
import type { RefundStatus } from "./customer-refunds"

export type CreditSourceType = "credit_memo" | "overpayment" | "negative_invoice" | "store_credit"

export type AvailableCredit = {
  source_type: CreditSourceType
  source_id: string
  ar_document_id: string | null
  document_number: string | null
  document_date: string | null
  order_id: string | null
  currency_code: string
  original_amount: Money
  remaining_amount: Money
}

export type OpenOrder = {
  order_id: string
  display_id: number | null
  currency_code: string
  date: string
  due_date: string
  open_amount: Money
}

export type RefundablePayment = {
  id: string
  order_id: string
  order_display_id: number | null
  provider_id: string
  currency_code: string
  refundable: Money
}

export type OrderAccounting = {
  order_id: string
  currency_code: string | null
  customer_id: string | null
  posted: boolean
  receivable: Money
  paid: Money
  refunded: Money
  open: Money
  due_date: string | null
  documents: {
    id: string
    doc_type: string
    number: string | null
    document_date: string
    due_date: string
    amount: Money
    open: Money
    journal_entry_id: string | null
  }[]
  /** Credit memos applied to this order: which memo, how much (standing applications). */
  credit_applications: {
    application_id: string
    credit_memo_id: string
    credit_memo_number: string | null
    kind: string
    amount: Money
    date: string
  }[]
  /** Refunds paid from this order's own credits, with the part each took. */
  refunds_from_credits: {
    id: string
    number: string | null
    method: string
    status: RefundStatus
    date: string
    amount: Money
  }[]
  journal_entries: {
    id: string
    number: string | null
    entry_date: string
    memo: string | null
    source_type: string | null
    status: string
  }[]
  credit_memos: {
    id: string
    number: string | null
    status: string
    date: string
    total: Money
    remaining: Money | null
  }[]
  customer_refunds: {
    id: string
    number: string | null
    status: string
    method: string
    date: string
    total: Money
  }[]
  refundable_payments: RefundablePayment[]
}

export type CustomerAccounting = {
  customer_id: string
  balances: { currency_code: string; open_balance: Money; owed: Money; credits: Money }[]
  aging: { currency_code: string; buckets: { label: string; amount: Money }[]; total: Money }[]
  recent_refunds: {
    id: string
    number: string | null
    status: string
    method: string
    refund_date: string
    total: Money
    currency_code: string
  }[]
  refundable_payments: RefundablePayment[]
}

export type AdminOrderAccountingResponse = { order_accounting: OrderAccounting }
export type AdminCustomerAccountingResponse = { customer_accounting: CustomerAccounting }
export type AdminAvailableCreditsResponse = { available_credits: AvailableCredit[]; count: number }
export type AdminOpenOrdersResponse = { open_orders: OpenOrder[]; count: number }
