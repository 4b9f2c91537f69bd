import type { z } from "@medusajs/framework/zod"
import type {
  AdminCreateCustomerRefund,
  AdminVoidCustomerRefund,
} from "../../api/admin/customer-refunds/validators"
import type { CreditSourceType } from "./credits"
import type { CustomerRef, DeleteResponse, ListResponse, Money } from "./common"

export type RefundMethod =
  "check" | "eft" | "cash" | "card" | "store_credit" | "record_transfer" | (string & {})

export type RefundStatus = "draft" | "posting" | "money_moved" | "posted" | "voided"

export type CustomerRefund = {
  id: string
  number: string | null
  /** Maker-checker: pending while a draft above the threshold awaits a second user. */
  approval_status?: "not_required" | "pending" | "approved" | "rejected"
  approved_by?: string | null
  rejection_reason?: string | null
  status: RefundStatus
  customer_id: string
  customer: CustomerRef | null
  currency_code: string
  refund_date: string
  method: RefundMethod
  payment_account_id: string
  payment_id: string | null
  reference: string | null
  pay_to: string | null
  memo: string | null
  /** One of settings → reason_codes.customer_refund. */
  reason_code?: string | null
  /** Its label (the code if it left the list). */
  reason_label?: string | null
  total: Money
  journal_entry_id: string | null
  medusa_refund_id: string | null
  void_date: string | null
  void_record_only: boolean
  void_reason?: string | null
  lines: { id: string; source_type: CreditSourceType; source_id: string; amount: Money }[]
  created_at: string
}

export type PostedRefund = {
  customer_refund: CustomerRefund
  posting_error?: { code?: string; message: string } | null
}

/** The body of POST /admin/customer-refunds (from its validator). */
export type CustomerRefundInput = z.input<typeof AdminCreateCustomerRefund>

export type RefundVoidInput = z.input<typeof AdminVoidCustomerRefund>

export type AdminCustomerRefundResponse = { customer_refund: CustomerRefund }
export type AdminCustomerRefundListResponse = ListResponse<"customer_refunds", CustomerRefund>
export type AdminCustomerRefundDeleteResponse = DeleteResponse<"customer_refund">
