import type Medusa from "@medusajs/js-sdk"

/**
 * A typed client for the plugin's admin API on top of @medusajs/js-sdk, the
 * way the SDK's own resources are written. The admin pages use it; so can
 * any other app: `accountingClient(new Medusa({ ... }))`.
 */

export type Money = number
export type ListResponse<K extends string, T> = { [key in K]: T[] } & {
  count: number
  offset: number
  limit: number
}

export type CreditSourceType = "credit_memo" | "overpayment" | "negative_invoice" | "store_credit"
/** Built-in methods, or one the store mapped to an account (e.g. "paypal"). */
export type RefundMethod = "check" | "eft" | "cash" | "card" | "store_credit" | "record_transfer" | (string & {})

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

export type CreditMemoLine = {
  id?: string
  kind: "item" | "shipping" | "adjustment"
  description: string
  amount: Money | string
  tax_amount?: Money | string
}

export type CreditMemo = {
  id: string
  number: string | null
  status: "draft" | "issued" | "voided"
  customer_id: string
  order_id: string | null
  return_id: string | null
  currency_code: string
  memo_date: string
  reason: string
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
    amount: Money
    date: string
    unapplied_date: string | null
  }[]
  created_at: string
}

export type CustomerRefund = {
  id: string
  number: string | null
  status: "draft" | "posting" | "posted" | "voided"
  customer_id: string
  currency_code: string
  refund_date: string
  method: RefundMethod
  payment_account_id: string
  payment_id: string | null
  reference: string | null
  pay_to: string | null
  memo: string | null
  total: Money
  journal_entry_id: string | null
  medusa_refund_id: string | null
  void_date: string | null
  void_record_only: boolean
  lines: { id: string; source_type: CreditSourceType; source_id: string; amount: Money }[]
  created_at: string
}

export type CustomerRefundInput = {
  customer_id: string
  currency_code: string
  refund_date: string
  method: RefundMethod
  payment_id?: string | null
  reference?: string | null
  pay_to?: string | null
  memo?: string | null
  lines: { source_type: CreditSourceType; source_id: string; amount: string }[]
  post?: boolean
}

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
  lines?: {
    id: string
    line_no: number
    debit: Money
    credit: Money
    description: string | null
    customer_id: string | null
    order_id: string | null
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
  receivable: string
  paid: string
  refunded: string
  open: string
  documents: {
    id: string
    doc_type: string
    number: string | null
    document_date: string
    amount: string
    open: string
  }[]
  credit_memos: {
    id: string
    number: string | null
    status: string
    date: string
    total: string
    remaining: string | null
  }[]
  customer_refunds: {
    id: string
    number: string | null
    status: string
    method: string
    date: string
    total: string
  }[]
  refundable_payments: RefundablePayment[]
}

export type CustomerAccounting = {
  customer_id: string
  balances: { currency_code: string; open_balance: string; owed: string; credits: string }[]
  aging: { currency_code: string; buckets: { label: string; amount: Money }[]; total: Money }[]
  recent_refunds: {
    id: string
    number: string | null
    status: string
    method: string
    refund_date: string
    total: string
    currency_code: string
  }[]
  refundable_payments: RefundablePayment[]
}

export type ReportName = "ar-aging" | "refund-audit" | "reconciliation" | "trial-balance" | "general-ledger"
export type ReportSection = { name: string; rows: Record<string, any>[]; totals: Record<string, any>[] }
export type ReportResponse = {
  report: string
  columns: { key: string; header: string; type?: string }[]
  sections: ReportSection[]
  reconciled?: boolean
  differences?: number
  buckets?: string[]
  [key: string]: unknown
}

type Query = Record<string, string | number | boolean | undefined | null>

const qs = (query: Query = {}) => {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== "") {
      params.set(k, String(v))
    }
  }
  const s = params.toString()
  return s ? `?${s}` : ""
}

export function accountingClient(sdk: Medusa) {
  const get = <T>(path: string, query?: Query) => sdk.client.fetch<T>(`${path}${qs(query)}`)
  const post = <T>(path: string, body: Record<string, any> = {}, headers?: Record<string, string>) =>
    sdk.client.fetch<T>(path, { method: "POST", body, headers })
  const del = <T>(path: string, query?: Query) =>
    sdk.client.fetch<T>(`${path}${qs(query)}`, { method: "DELETE" })

  return {
    permissions: () => get<{ restricted: boolean; permissions: string[] }>("/admin/accounting/permissions"),
    orderAccounting: (orderId: string) =>
      get<{ order_accounting: OrderAccounting }>(`/admin/orders/${orderId}/accounting`),
    customerAccounting: (customerId: string) =>
      get<{ customer_accounting: CustomerAccounting }>(`/admin/customers/${customerId}/accounting`),
    availableCredits: (customerId: string, currency_code?: string) =>
      get<{ available_credits: AvailableCredit[]; count: number }>(
        `/admin/customers/${customerId}/available-credits`,
        { currency_code }
      ),

    creditMemos: {
      list: (query?: Query) => get<ListResponse<"credit_memos", CreditMemo>>("/admin/credit-memos", query),
      retrieve: (id: string) => get<{ credit_memo: CreditMemo }>(`/admin/credit-memos/${id}`),
      create: (body: {
        customer_id: string
        order_id?: string | null
        currency_code: string
        date: string
        reason: string
        lines: CreditMemoLine[]
      }) => post<{ credit_memo: CreditMemo }>("/admin/credit-memos", body),
      update: (id: string, body: Partial<{ date: string; reason: string; lines: CreditMemoLine[] }>) =>
        post<{ credit_memo: CreditMemo }>(`/admin/credit-memos/${id}`, body),
      issue: (id: string) => post<{ credit_memo: CreditMemo }>(`/admin/credit-memos/${id}/issue`),
      void: (id: string, date: string) =>
        post<{ credit_memo: CreditMemo }>(`/admin/credit-memos/${id}/void`, { date }),
      apply: (id: string, body: { order_id: string; amount: string; date: string }) =>
        post<{ application_id: string; credit_memo: CreditMemo }>(
          `/admin/credit-memos/${id}/applications`,
          body
        ),
      unapply: (id: string, applicationId: string, date?: string) =>
        del<{ credit_memo: CreditMemo }>(`/admin/credit-memos/${id}/applications/${applicationId}`, { date }),
      pdfUrl: (id: string) => `/admin/credit-memos/${id}/pdf`,
    },

    refunds: {
      list: (query?: Query) =>
        get<ListResponse<"customer_refunds", CustomerRefund>>("/admin/customer-refunds", query),
      retrieve: (id: string) => get<{ customer_refund: CustomerRefund }>(`/admin/customer-refunds/${id}`),
      /** Pass an idempotency key to make a double click harmless. */
      create: (body: CustomerRefundInput, idempotencyKey?: string) =>
        post<{ customer_refund: CustomerRefund }>(
          "/admin/customer-refunds",
          body,
          idempotencyKey ? { "Idempotency-Key": idempotencyKey } : undefined
        ),
      post: (id: string, idempotencyKey?: string) =>
        post<{ customer_refund: CustomerRefund }>(
          `/admin/customer-refunds/${id}/post`,
          {},
          idempotencyKey ? { "Idempotency-Key": idempotencyKey } : undefined
        ),
      void: (id: string, body: { date: string; record_only?: boolean }) =>
        post<{ customer_refund: CustomerRefund }>(`/admin/customer-refunds/${id}/void`, body),
      delete: (id: string) => del<{ id: string; deleted: boolean }>(`/admin/customer-refunds/${id}`),
    },

    journal: {
      list: (query?: Query) =>
        get<ListResponse<"journal_entries", JournalEntry>>("/admin/accounting/journal-entries", query),
      retrieve: (id: string) =>
        get<{ journal_entry: JournalEntry }>(`/admin/accounting/journal-entries/${id}`),
      post: (id: string) =>
        post<{ journal_entry: JournalEntry }>(`/admin/accounting/journal-entries/${id}/post`),
      reverse: (id: string, date: string) =>
        post<{ journal_entry: JournalEntry; reversal: JournalEntry }>(
          `/admin/accounting/journal-entries/${id}/reverse`,
          { date }
        ),
      verify: () =>
        get<{
          valid: boolean
          checked: number
          first_broken_id?: string
          first_broken_number?: string
          reason?: string
        }>("/admin/accounting/journal-entries/verify"),
    },

    periods: {
      list: () => get<ListResponse<"periods", Period>>("/admin/accounting/periods", { limit: 100 }),
      create: (body: { name: string; start_date: string; end_date: string }) =>
        post<{ period: Period }>("/admin/accounting/periods", body),
      close: (id: string) => post<{ period: Period }>(`/admin/accounting/periods/${id}/close`),
      reopen: (id: string) => post<{ period: Period }>(`/admin/accounting/periods/${id}/reopen`),
    },

    accounts: {
      list: () => get<ListResponse<"accounts", Account>>("/admin/accounting/accounts", { limit: 200 }),
    },

    settings: {
      retrieve: () => get<{ settings: AccountingSettings }>("/admin/accounting/settings"),
      update: (body: Record<string, unknown>) =>
        post<{ settings: AccountingSettings }>("/admin/accounting/settings", body),
    },

    postingErrors: {
      list: (query?: Query) =>
        get<
          ListResponse<
            "posting_errors",
            {
              id: string
              source_type: string
              source_id: string
              message: string
              code: string | null
              attempts: number
              status: string
              updated_at: string
            }
          >
        >("/admin/accounting/posting-errors", query),
      retry: (id: string) =>
        post<{ posting_error: { status: string } }>(`/admin/accounting/posting-errors/${id}/retry`),
    },

    reports: {
      get: (name: ReportName, query?: Query) =>
        get<ReportResponse>(`/admin/accounting/reports/${name}`, query),
      /** Fetches a report file (csv, xlsx, pdf) with the admin's session and returns it as a Blob. */
      file: async (name: ReportName, format: "csv" | "xlsx" | "pdf", query?: Query) => {
        const response = (await sdk.client.fetch<Response>(
          `/admin/accounting/reports/${name}${qs({ ...query, format })}`,
          {
            headers: { accept: "*/*" },
          }
        )) as unknown as Response
        const disposition = response.headers.get("content-disposition") ?? ""
        const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `${name}.${format}`
        return { blob: await response.blob(), filename }
      },
    },
  }
}

export type AccountingClient = ReturnType<typeof accountingClient>
