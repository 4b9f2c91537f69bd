import type Medusa from "@medusajs/js-sdk"

/**
 * A typed client for the plugin's admin API on top of @medusajs/js-sdk, the
 * way the SDK's own resources are written. The admin pages use it; so can
 * any other app: `accountingClient(new Medusa({ ... }))`.
 */

/** An amount: a number today, a decimal string once the API sends strings everywhere. Never add them as floats. */
export type Money = number | string
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

/** A customer, an order or an admin user as a list shows it (by name and number, not id). */
export type CustomerRef = { id: string; name: string; email: string | null }
export type OrderRef = { id: string; display_id: number | null }
export type UserRef = { id: string; name: string; email: string | null }

export type CreditMemo = {
  id: string
  number: string | null
  status: "draft" | "issued" | "voided"
  customer_id: string
  customer: CustomerRef | null
  order_id: string | null
  order: OrderRef | null
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
    customer_refund_id?: string | null
    amount: Money
    date: string
    unapplied_date: string | null
  }[]
  created_at: string
}

export type CreditMemoInput = {
  customer_id: string
  order_id?: string | null
  currency_code: string
  date: string
  reason: string
  lines: CreditMemoLine[]
  /** Issue at once; a refused issue leaves no draft behind. */
  issue?: boolean
}

export type RefundStatus = "draft" | "posting" | "money_moved" | "posted" | "voided"

export type CustomerRefund = {
  id: string
  number: string | null
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
  total: Money
  journal_entry_id: string | null
  medusa_refund_id: string | null
  void_date: string | null
  void_record_only: boolean
  void_reason?: string | null
  lines: { id: string; source_type: CreditSourceType; source_id: string; amount: Money }[]
  created_at: string
}

/** A post answers 200 posted, or 202 when the money moved and the booking is pending (retried by a job). */
export type PostedRefund = { customer_refund: CustomerRefund; posting_error?: { code?: string; message: string } | null }

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

export type RefundVoidInput = { date: string; record_only?: boolean; reason?: string }

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
  history: { action: "close" | "reopen"; reason: string | null; actor: UserRef | null; origin: string; at: string }[]
}
/** One line of a period's close checklist; `blocking` items refuse the close unless forced. */
export type PeriodChecklistItem = {
  key: string
  label: string
  blocking: boolean
  count: number
  entries: { id: string; reference: string | null; date?: string | null; amount?: string; currency_code?: string }[]
}
export type PeriodChecklist = {
  period_id: string
  as_of: string
  can_close: boolean
  blocking: number
  items: PeriodChecklistItem[]
}

export type PayoutLine = {
  id: string
  line_no: number
  reporting_category: string
  provider_payment_id: string | null
  description: string | null
  gross: number
  fee: number
  net: number
  matched_type: "capture" | "refund" | null
  matched_id: string | null
}
export type Payout = {
  id: string
  number: string
  provider_id: string
  provider_payout_id: string
  currency_code: string
  payout_date: string
  gross: number
  fee: number
  net: number
  source: "stripe_csv" | "csv" | "api"
  journal_entry_id: string
  created_by: string | null
  created_at: string
  lines?: PayoutLine[]
}
export type PostedPayout = { id: string; number: string; created: boolean; journal_entry_id: string }
export type PayoutColumnMapping = {
  payout_id: string
  payout_date: string
  currency: string
  gross: string
  fee: string
  net?: string
  category?: string
  payment_id?: string
  description?: string
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

/** Store activity that could not be posted yet, and what it is (an order by number, a refund by its number). */
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

/** An order of the customer that still owes something: what a credit memo can be applied to. */
export type OpenOrder = {
  order_id: string
  display_id: number | null
  currency_code: string
  date: string
  due_date: string
  open_amount: Money
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

/**
 * A refusal of the API with its stable `code` (PERIOD_CLOSED,
 * REFUND_EXCEEDS_CREDIT…) and status, so a caller can put it next to the
 * field it is about. The js-sdk's own FetchError keeps only the message.
 */
export class AccountingApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
    readonly type?: string
  ) {
    super(message)
    this.name = "AccountingApiError"
  }
}

type Init = { method?: "GET" | "POST" | "DELETE"; body?: unknown; headers?: Record<string, string> }

/**
 * Requests with the sdk's own base URL and authentication (session cookie,
 * JWT or API key), reading error bodies itself: `sdk.client.fetch` throws
 * before the body's `code` can be read. The private members are reached by
 * bracket access, TypeScript's sanctioned way in.
 */
function transport(sdk: Medusa) {
  const client = sdk.client
  return async (path: string, { method = "GET", body, headers }: Init = {}): Promise<Response> => {
    const config = client["config"]
    const base = new URL(config.baseUrl || "/", typeof window !== "undefined" ? window.location.href : undefined)
    const url = new URL(`${base.pathname.replace(/\/$/, "")}${path}`, base.origin)
    const session = config.auth?.type === "session"
    const response = await fetch(url, {
      method,
      credentials: session ? (config.auth?.fetchCredentials ?? "include") : "omit",
      headers: {
        accept: "application/json",
        // A FormData body sets its own multipart boundary.
        ...(body !== undefined && !(body instanceof FormData) && { "content-type": "application/json" }),
        ...config.globalHeaders,
        ...client["getApiKeyHeader_"](),
        ...(await client["getJwtHeader_"]()),
        ...headers,
      },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    })
    if (!response.ok) {
      const error = await response.json().catch(() => ({}))
      throw new AccountingApiError(
        typeof error.message === "string" ? error.message : response.statusText || `HTTP ${response.status}`,
        response.status,
        typeof error.code === "string" ? error.code : undefined,
        typeof error.type === "string" ? error.type : undefined
      )
    }
    return response
  }
}

export function accountingClient(sdk: Medusa) {
  const send = transport(sdk)
  const json = async <T>(path: string, init?: Init) => (await (await send(path, init)).json()) as T
  const get = <T>(path: string, query?: Query) => json<T>(`${path}${qs(query)}`)
  const post = <T>(path: string, body: Record<string, unknown> = {}, headers?: Record<string, string>) =>
    json<T>(path, { method: "POST", body, headers })
  const upload = <T>(path: string, form: FormData) => json<T>(path, { method: "POST", body: form })
  const del = <T>(path: string, query?: Query) => json<T>(`${path}${qs(query)}`, { method: "DELETE" })
  const file = async (path: string, fallbackName: string) => {
    const response = await send(path, { headers: { accept: "*/*" } })
    const disposition = response.headers.get("content-disposition") ?? ""
    const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName
    return { blob: await response.blob(), filename }
  }
  const idempotency = (key?: string) => (key ? { "Idempotency-Key": key } : undefined)

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
    openOrders: (customerId: string, currency_code?: string) =>
      get<{ open_orders: OpenOrder[]; count: number }>(`/admin/customers/${customerId}/open-orders`, {
        currency_code,
      }),

    creditMemos: {
      list: (query?: Query) => get<ListResponse<"credit_memos", CreditMemo>>("/admin/credit-memos", query),
      retrieve: (id: string) => get<{ credit_memo: CreditMemo }>(`/admin/credit-memos/${id}`),
      create: (body: CreditMemoInput) => post<{ credit_memo: CreditMemo }>("/admin/credit-memos", body),
      update: (id: string, body: Partial<{ date: string; reason: string; lines: CreditMemoLine[] }>) =>
        post<{ credit_memo: CreditMemo }>(`/admin/credit-memos/${id}`, body),
      delete: (id: string) => del<{ id: string; deleted: boolean }>(`/admin/credit-memos/${id}`),
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
      pdf: (memo: { id: string; number: string | null }) =>
        file(`/admin/credit-memos/${memo.id}/pdf`, `credit-memo-${memo.number ?? memo.id}.pdf`),
    },

    refunds: {
      list: (query?: Query) =>
        get<ListResponse<"customer_refunds", CustomerRefund>>("/admin/customer-refunds", query),
      retrieve: (id: string) => get<{ customer_refund: CustomerRefund }>(`/admin/customer-refunds/${id}`),
      /** Pass an idempotency key to make a double click harmless. */
      create: (body: CustomerRefundInput, idempotencyKey?: string) =>
        post<PostedRefund>("/admin/customer-refunds", body, idempotency(idempotencyKey)),
      post: (id: string, idempotencyKey?: string) =>
        post<PostedRefund>(`/admin/customer-refunds/${id}/post`, {}, idempotency(idempotencyKey)),
      /** The body is the void's own fields: the id goes in the path only. */
      void: (id: string, body: RefundVoidInput) =>
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
      close: (id: string, reason?: string, force?: boolean) =>
        post<{ period: Period }>(`/admin/accounting/periods/${id}/close`, {
          ...(reason && { reason }),
          ...(force && { force: true }),
        }),
      checklist: (id: string) =>
        get<{ checklist: PeriodChecklist }>(`/admin/accounting/periods/${id}/checklist`),
      reopen: (id: string, reason?: string) =>
        post<{ period: Period }>(`/admin/accounting/periods/${id}/reopen`, reason ? { reason } : {}),
    },

    payouts: {
      list: (query: Record<string, unknown> = {}) =>
        get<ListResponse<"payouts", Payout>>("/admin/payouts", query as any),
      retrieve: (id: string) => get<{ payout: Payout }>(`/admin/payouts/${id}`),
      create: (body: {
        payouts: {
          provider_id: string
          provider_payout_id: string
          currency_code: string
          payout_date: string
          lines: { reporting_category?: string; provider_payment_id?: string | null; gross: string; fee: string }[]
        }[]
      }) => post<{ payouts: PostedPayout[] }>("/admin/payouts", body),
      /** Stripe's itemized payout report, or any CSV with a mapping (`format: "csv"`). */
      import: (
        file: Blob,
        fields: { provider_id: string; format?: "stripe" | "csv"; mapping?: PayoutColumnMapping }
      ) => {
        const form = new FormData()
        form.append("file", file, "payouts.csv")
        form.append("provider_id", fields.provider_id)
        form.append("format", fields.format ?? "stripe")
        if (fields.mapping) {
          form.append("mapping", JSON.stringify(fields.mapping))
        }
        return upload<{ payouts: PostedPayout[] }>("/admin/payouts/import", form)
      },
      unmatched: (query: { provider_id?: string; as_of?: string } = {}) =>
        get<{ unmatched_lines: any[]; unpaid_captures: any[] }>("/admin/payouts/reconciliation/unmatched", query),
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
PostingError
          >
        >("/admin/accounting/posting-errors", query),
      retry: (id: string) =>
        post<{ posting_error: { status: string } }>(`/admin/accounting/posting-errors/${id}/retry`),
    },

    reports: {
      get: (name: ReportName, query?: Query) =>
        get<ReportResponse>(`/admin/accounting/reports/${name}`, query),
      /** A report file (csv, xlsx, pdf) with the caller's session, as a Blob and its file name. */
      file: (name: ReportName, format: "csv" | "xlsx" | "pdf", query?: Query) =>
        file(`/admin/accounting/reports/${name}${qs({ ...query, format })}`, `${name}.${format}`),
    },
  }
}

export type AccountingClient = ReturnType<typeof accountingClient>
