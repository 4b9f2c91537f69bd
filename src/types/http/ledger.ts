import type { CustomerRef, Money, OrderRef, UserRef } from "./common"

export type JournalEntry = {
  id: string
  number: string | null
  entry_date: string
  status: "draft" | "posted" | "reversed"
  currency_code: string
  memo: string | null
  source_type: string | null
  source_id: string | null
  reversal_of_id: string | null
  reversed_by_id: string | null
  posted_by: string | null
  posted_at: string | null
  /** The sum of its debits (lists). */
  amount?: Money
  customer?: CustomerRef | null
  order?: OrderRef | null
  /** False where the server always refuses a reversal (entries the subledger posted, drafts). */
  reversible: boolean
  lines?: {
    id: string
    line_no: number
    debit: Money
    credit: Money
    description: string | null
    customer_id: string | null
    order_id: string | null
    customer?: CustomerRef | null
    order?: OrderRef | null
    account: { id: string; code: string; name: string }
  }[]
}

export type Period = {
  id: string
  name: string
  start_date: string
  end_date: string
  status: "open" | "closed"
  closed_by: string | null
  closed_at: string | null
  reopened_by: string | null
  reopened_at: string | null
  closed_by_user: UserRef | null
  reopened_by_user: UserRef | null
  /** Each close and reopen with its reason, newest first. */
  history: {
    action: "close" | "reopen"
    reason: string | null
    actor: UserRef | null
    origin: string
    at: string
  }[]
}

export type Account = { id: string; code: string; name: string; type: string; active: boolean }

export type AccountingSettings = {
  role_accounts: Record<string, Account>
  method_accounts: Record<string, Account>
  provider_accounts: Record<string, Account>
  sequences: { type: string; prefix: string; padding: number; next_value: number }[]
  payment_terms: { default_days: number; customer_groups: { customer_group_id: string; days: number }[] }
  aging_buckets: number[]
  auto_credit_memo_on_return: boolean
  posting: Record<string, boolean>
  /** Per document type, the amount per currency above which a second user must approve. */
  approvals: Partial<Record<"customer_refund" | "credit_memo" | "write_off", Record<string, string>>>
  reason_codes: Record<ReasonCodeDocumentType, ReasonCodeConfig>
}

export type PostingError = {
  id: string
  source_type: string
  source_id: string
  source: { order: OrderRef | null; number: string | null }
  message: string
  code: string | null
  attempts: number
  status: string
  updated_at: string
}

/** GET /admin/accounting/reason-codes: per document type, the list and whether a reason is required. */
export type ReasonCodeEntry = { code: string; label: string; active: boolean }
export type ReasonCodeConfig = { required: boolean; codes: ReasonCodeEntry[] }
export type ReasonCodeDocumentType = "credit_memo" | "customer_refund" | "write_off"
export type AdminReasonCodesResponse = { reason_codes: Record<ReasonCodeDocumentType, ReasonCodeConfig> }
