import type { z } from "@medusajs/framework/zod"
import type {
  AdminApplyCreditMemo,
  AdminCreateCreditMemo,
  AdminUpdateCreditMemo,
} from "../../api/admin/credit-memos/validators"
import type { AdminCreateGoodwillRefund } from "../../api/admin/orders/[id]/goodwill-refunds/validators"
import type { CustomerRef, DeleteResponse, ListResponse, Money, OrderRef } from "./common"
import type { CustomerRefund } from "./customer-refunds"

export type CreditMemoLine = {
  id?: string
  kind: "item" | "shipping" | "adjustment"
  description: string
  amount: Money
  tax_amount?: Money
}

export type CreditMemo = {
  id: string
  number: string | null
  /** Maker-checker: pending while a draft above the threshold awaits a second user. */
  approval_status?: "not_required" | "pending" | "approved" | "rejected"
  approved_by?: string | null
  rejection_reason?: string | null
  status: "draft" | "issued" | "voided"
  customer_id: string
  customer: CustomerRef | null
  order_id: string | null
  order: OrderRef | null
  return_id: string | null
  currency_code: string
  memo_date: string
  reason: string
  /** One of settings → reason_codes.credit_memo. */
  reason_code?: string | null
  /** Its label (the code if it left the list). */
  reason_label?: string | null
  /** Not a tax document: an invoicing plugin issues the legal credit note… */
  internal: boolean
  /** …whose number is recorded here (on a draft, or once after issue). */
  legal_number: string | null
  subtotal: Money
  tax_total: Money
  total: Money
  remaining_amount: Money | null
  void_date: string | null
  journal_entry_id: string | null
  lines: CreditMemoLine[]
  applications: {
    id: string
    kind: string
    order_id: string | null
    document_number: string | null
    customer_refund_id?: string | null
    amount: Money
    date: string
    unapplied_date: string | null
  }[]
  created_at: string
}

/** The body of POST /admin/credit-memos (from its validator). */
export type CreditMemoInput = z.input<typeof AdminCreateCreditMemo>
export type CreditMemoUpdateInput = z.input<typeof AdminUpdateCreditMemo>
export type CreditMemoApplyInput = z.input<typeof AdminApplyCreditMemo>

export type AdminCreditMemoResponse = { credit_memo: CreditMemo }
export type AdminCreditMemoListResponse = ListResponse<"credit_memos", CreditMemo>
export type AdminCreditMemoDeleteResponse = DeleteResponse<"credit_memo">

/** POST /admin/orders/:id/goodwill-refunds: the allowance memo and the refund drawing on it. */
export type AdminGoodwillRefundResponse = {
  credit_memo: CreditMemo
  customer_refund: CustomerRefund
  /** Present (with status 202) when the money moved and the refund's booking is pending. */
  posting_error?: { code: string | null; message: string } | null
}
/** The body of POST /admin/orders/:id/goodwill-refunds (from its validator). */
export type GoodwillRefundInput = z.input<typeof AdminCreateGoodwillRefund>
