import type Medusa from "@medusajs/js-sdk"
import type {
  BankDeposit,
  BankDepositInput,
  UndepositedReceipt,
  PeriodChecklist,
  Payout,
  PayoutColumnMapping,
  PayoutFileError,
  PostedPayout,
  UnmatchedPayouts,
  BulkWriteOffInput,
  CustomerOpenItems,
  CustomerDeposit,
  CustomerDepositApplyInput,
  CustomerDepositInput,
  CustomerDepositRefundInput,
  CustomerDepositVoidInput,
  PaymentReversalKind,
  ReceivedPayment,
  ReceivedPaymentInput,
  WriteOff,
  WriteOffInput,
  AccountingAccess,
  AccountingRole,
  ApprovalDocumentType,
  AuditVerifyResult,
  AwaitingApproval,
  Account,
  AccountingSettings,
  AvailableCredit,
  CreditMemo,
  CreditMemoApplyInput,
  CreditMemoInput,
  CreditMemoUpdateInput,
  CustomerAccounting,
  CustomerRefund,
  CustomerRefundInput,
  JournalEntry,
  ListResponse,
  OpenOrder,
  OrderAccounting,
  Period,
  PostedRefund,
  PostingError,
  RefundVoidInput,
  ReportName,
  ReportResponse,
  CustomerStatementResponse,
  AdminReasonCodesResponse,
  AdminGoodwillRefundResponse,
  GoodwillRefundInput,
} from "../types/http"

/**
 * A typed client for the plugin's admin API on top of @medusajs/js-sdk, the
 * way the SDK's own resources are written. The admin pages use it; so can
 * any other app: `accountingClient(new Medusa({ ... }))`. Its types are the
 * API's own (src/types/http).
 */
export type * from "../types/http"

type Query = Record<string, string | number | boolean | undefined | null>

/** The route prefix of each document type that may need approval. */
const APPROVAL_RESOURCES: Record<ApprovalDocumentType, string> = {
  customer_refund: "customer-refunds",
  credit_memo: "credit-memos",
  write_off: "write-offs",
}

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
    readonly type?: string,
    /** A refused file's problems, line by line (PAYOUT_FILE_REJECTED, IMPORT_REJECTED). */
    readonly errors: PayoutFileError[] = []
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
    const base = new URL(
      config.baseUrl || "/",
      typeof window !== "undefined" ? window.location.href : undefined
    )
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
        typeof error.type === "string" ? error.type : undefined,
        Array.isArray(error.errors) ? error.errors : []
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
  const del = <T>(path: string, query?: Query) => json<T>(`${path}${qs(query)}`, { method: "DELETE" })
  const file = async (path: string, fallbackName: string) => {
    const response = await send(path, { headers: { accept: "*/*" } })
    const disposition = response.headers.get("content-disposition") ?? ""
    const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName
    return { blob: await response.blob(), filename }
  }
  const upload = <T>(path: string, form: FormData) => json<T>(path, { method: "POST", body: form })
  const idempotency = (key?: string) => (key ? { "Idempotency-Key": key } : undefined)

  return {
    permissions: () => get<AccountingAccess>("/admin/accounting/permissions"),
    access: {
      roles: () => get<{ roles: AccountingRole[]; count: number }>("/admin/accounting/roles"),
      createRole: (body: { name: string; description?: string | null; permissions: string[] }) =>
        post<{ role: AccountingRole }>("/admin/accounting/roles", body),
      updateRole: (
        id: string,
        body: { name?: string; description?: string | null; permissions?: string[] }
      ) => post<{ role: AccountingRole }>(`/admin/accounting/roles/${id}`, body),
      deleteRole: (id: string) => del<{ id: string; deleted: boolean }>(`/admin/accounting/roles/${id}`),
      grant: (body: { user_id: string; role_id: string }) =>
        post<{ role_grant: { id: string }; role: AccountingRole }>("/admin/accounting/role-grants", body),
      revoke: (id: string) => del<{ id: string; deleted: boolean }>(`/admin/accounting/role-grants/${id}`),
    },
    approvals: {
      list: (query?: Query) =>
        get<ListResponse<"approvals", AwaitingApproval>>("/admin/accounting/approvals", query),
      approve: (type: ApprovalDocumentType, id: string) =>
        post<Record<string, unknown>>(`/admin/${APPROVAL_RESOURCES[type]}/${id}/approve`),
      reject: (type: ApprovalDocumentType, id: string, reason: string) =>
        post<Record<string, unknown>>(`/admin/${APPROVAL_RESOURCES[type]}/${id}/reject`, { reason }),
    },
    auditLog: {
      verify: () => get<AuditVerifyResult>("/admin/accounting/audit-log/verify"),
    },
    /** The reason codes per document type (for the forms' selects). */
    reasonCodes: () => get<AdminReasonCodesResponse>("/admin/accounting/reason-codes"),
    /** An allowance memo and its refund in one step; pass an idempotency key to make a double click harmless. */
    goodwillRefund: (orderId: string, body: GoodwillRefundInput, idempotencyKey?: string) =>
      post<AdminGoodwillRefundResponse>(`/admin/orders/${orderId}/goodwill-refunds`, body, idempotency(idempotencyKey)),
    orderAccounting: (orderId: string) =>
      get<{ order_accounting: OrderAccounting }>(`/admin/orders/${orderId}/accounting`),
    customerAccounting: (customerId: string) =>
      get<{ customer_accounting: CustomerAccounting }>(`/admin/customers/${customerId}/accounting`),
    availableCredits: (customerId: string, currency_code?: string) =>
      get<{ available_credits: AvailableCredit[]; count: number }>(
        `/admin/customers/${customerId}/available-credits`,
        { currency_code }
      ),
    /** The customer's statement for a range (opening, movements with running balance, closing, aging). */
    statement: (customerId: string, query: { from: string; to: string }) =>
      get<CustomerStatementResponse>(`/admin/customers/${customerId}/statement`, query),
    /** The statement as a PDF or CSV file, as a Blob and its file name. */
    statementFile: (customerId: string, format: "csv" | "pdf", query: { from: string; to: string }) =>
      file(
        `/admin/customers/${customerId}/statement${qs({ ...query, format })}`,
        `statement-${customerId}.${format}`
      ),
    openOrders: (customerId: string, currency_code?: string) =>
      get<{ open_orders: OpenOrder[]; count: number }>(`/admin/customers/${customerId}/open-orders`, {
        currency_code,
      }),

    creditMemos: {
      list: (query?: Query) => get<ListResponse<"credit_memos", CreditMemo>>("/admin/credit-memos", query),
      retrieve: (id: string) => get<{ credit_memo: CreditMemo }>(`/admin/credit-memos/${id}`),
      create: (body: CreditMemoInput) => post<{ credit_memo: CreditMemo }>("/admin/credit-memos", body),
      update: (id: string, body: CreditMemoUpdateInput) =>
        post<{ credit_memo: CreditMemo }>(`/admin/credit-memos/${id}`, body),
      delete: (id: string) => del<{ id: string; deleted: boolean }>(`/admin/credit-memos/${id}`),
      issue: (id: string) => post<{ credit_memo: CreditMemo }>(`/admin/credit-memos/${id}/issue`),
      void: (id: string, date: string) =>
        post<{ credit_memo: CreditMemo }>(`/admin/credit-memos/${id}/void`, { date }),
      /** The legal credit note number an invoicing plugin issued for an issued memo (once). */
      recordLegalNumber: (id: string, legal_number: string) =>
        post<{ credit_memo: CreditMemo }>(`/admin/credit-memos/${id}/legal-number`, { legal_number }),
      apply: (id: string, body: CreditMemoApplyInput) =>
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

    payments: {
      list: (query?: Query) =>
        get<ListResponse<"payments", ReceivedPayment>>("/admin/received-payments", query),
      retrieve: (id: string) => get<{ payment: ReceivedPayment }>(`/admin/received-payments/${id}`),
      /** Records and posts it, allocated (given, or oldest due first). */
      /** Pass an idempotency key to make a double click (or a retry) harmless. */
      create: (body: ReceivedPaymentInput, idempotencyKey?: string) =>
        post<{ payment: ReceivedPayment; application_id: string | null }>(
          "/admin/received-payments",
          body,
          idempotency(idempotencyKey)
        ),
      reverse: (id: string, body: { date: string; kind: PaymentReversalKind; reason: string }) =>
        post<{ payment: ReceivedPayment }>(`/admin/received-payments/${id}/reverse`, body),
    },

    writeOffs: {
      list: (query?: Query) => get<ListResponse<"write_offs", WriteOff>>("/admin/write-offs", query),
      retrieve: (id: string) => get<{ write_off: WriteOff }>(`/admin/write-offs/${id}`),
      /** Above the approval threshold the answer is a draft (`status: "draft"`) awaiting a second user. */
      create: (body: WriteOffInput, idempotencyKey?: string) =>
        post<{ write_off: WriteOff }>("/admin/write-offs", body, idempotency(idempotencyKey)),
      bulk: (body: BulkWriteOffInput) =>
        post<{ batch_id: string; write_offs: WriteOff[]; count: number }>("/admin/write-offs/bulk", body),
      void: (id: string, body: { date: string; reason?: string }) =>
        post<{ write_off: WriteOff }>(`/admin/write-offs/${id}/void`, body),
      /** Posts a draft a second user approved. */
      post: (id: string) => post<{ write_off: WriteOff }>(`/admin/write-offs/${id}/post`),
      /** Deletes a draft (awaiting approval or rejected). */
      delete: (id: string) => del<{ id: string; deleted: boolean }>(`/admin/write-offs/${id}`),
    },

    /** Deposits and advances taken before an order (DEP-): record, apply, unapply, refund, void. */
    deposits: {
      list: (query?: Query) =>
        get<ListResponse<"deposits", CustomerDeposit>>("/admin/customer-deposits", query),
      retrieve: (id: string) => get<{ deposit: CustomerDeposit }>(`/admin/customer-deposits/${id}`),
      /** Pass an idempotency key to make a double click (or a retry) harmless. */
      create: (body: CustomerDepositInput, idempotencyKey?: string) =>
        post<{ deposit: CustomerDeposit }>("/admin/customer-deposits", body, idempotency(idempotencyKey)),
      apply: (id: string, body: CustomerDepositApplyInput, idempotencyKey?: string) =>
        post<{ deposit: CustomerDeposit; application_id: string }>(
          `/admin/customer-deposits/${id}/applications`,
          body,
          idempotency(idempotencyKey)
        ),
      unapply: (id: string, applicationId: string, body: { date: string }) =>
        post<{ deposit: CustomerDeposit }>(
          `/admin/customer-deposits/${id}/applications/${applicationId}/unapply`,
          body
        ),
      refund: (id: string, body: CustomerDepositRefundInput, idempotencyKey?: string) =>
        post<{ deposit: CustomerDeposit; refund_id: string }>(
          `/admin/customer-deposits/${id}/refund`,
          body,
          idempotency(idempotencyKey)
        ),
      void: (id: string, body: CustomerDepositVoidInput) =>
        post<{ deposit: CustomerDeposit }>(`/admin/customer-deposits/${id}/void`, body),
    },

    /** Any credit of a customer applied to any of its open orders (same currency). */
    customerCredits: {
      openItems: (customerId: string) =>
        get<CustomerOpenItems>(`/admin/customers/${customerId}/applications`),
      apply: (
        customerId: string,
        body: { credit_document_id: string; order_id: string; amount: string; date: string }
      ) =>
        post<CustomerOpenItems & { application_id: string }>(
          `/admin/customers/${customerId}/applications`,
          body
        ),
      unapply: (customerId: string, applicationId: string, date: string) =>
        del<CustomerOpenItems>(`/admin/customers/${customerId}/applications/${applicationId}`, { date }),
    },
    payouts: {
      list: (query?: Query) => get<ListResponse<"payouts", Payout>>("/admin/payouts", query),
      retrieve: (id: string) => get<{ payout: Payout }>(`/admin/payouts/${id}`),
      create: (body: {
        payouts: {
          provider_id: string
          provider_payout_id: string
          currency_code: string
          payout_date: string
          lines: {
            reporting_category?: string
            provider_payment_id?: string | null
            gross: string
            fee: string
          }[]
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
        get<UnmatchedPayouts>("/admin/payouts/reconciliation/unmatched", query),
    },
    bankDeposits: {
      list: (query?: Query) => get<ListResponse<"bank_deposits", BankDeposit>>("/admin/bank-deposits", query),
      retrieve: (id: string) => get<{ bank_deposit: BankDeposit }>(`/admin/bank-deposits/${id}`),
      /** Posts a deposit slip (DS-): Dr Bank / Cr Undeposited Funds for the receipts picked. */
      create: (body: BankDepositInput) => post<{ bank_deposit: BankDeposit }>("/admin/bank-deposits", body),
      /** Receipts in Undeposited Funds a deposit can pick. */
      undeposited: (query: { currency_code?: string } = {}) =>
        get<{ receipts: UndepositedReceipt[] }>("/admin/bank-deposits/receipts/undeposited", query),
      pdf: (deposit: { id: string; number: string }) =>
        file(`/admin/bank-deposits/${deposit.id}/pdf`, `deposit-slip-${deposit.number}.pdf`),
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
        get<ListResponse<"posting_errors", PostingError>>("/admin/accounting/posting-errors", query),
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
