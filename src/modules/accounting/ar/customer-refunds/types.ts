import type { REFUND_METHODS } from "../../models/customer-refund"
import { MoneyLike } from "../../rules/money"

/** A built-in method or one the store mapped to an account (e.g. "paypal"). */
export type RefundMethod = (typeof REFUND_METHODS)[number] | (string & {})
export type CreditSourceType = "credit_memo" | "overpayment" | "negative_invoice" | "store_credit"

/** Methods whose posting moves money through Medusa or the loyalty plugin. */
export const MONEY_MOVING_METHODS: RefundMethod[] = ["card", "store_credit"]

export type RefundLineInput = { source_type: CreditSourceType; source_id: string; amount: MoneyLike }

export type CustomerRefundInput = {
  customer_id: string
  currency_code: string
  refund_date: string
  method: RefundMethod
  payment_account_id?: string | null
  payment_id?: string | null
  reference?: string | null
  pay_to?: string | null
  memo?: string | null
  /** One of settings → reason_codes.customer_refund (required there or not). */
  reason_code?: string | null
  attachment_url?: string | null
  metadata?: Record<string, unknown> | null
  lines: RefundLineInput[]
}

/** What the module cannot read itself: Medusa's payment and the loyalty accounts. */
export type RefundContext = {
  payment?: {
    id: string
    provider_id: string
    currency_code: string
    customer_id: string | null
    refundable: MoneyLike
    order_id: string | null
  } | null
  store_credit_accounts?: Record<
    string,
    { customer_id: string | null; currency_code: string; balance: MoneyLike }
  >
  /** Medusa refund ids of the orders whose credits the refund draws on. */
  order_refunds?: Record<string, string[]>
}
