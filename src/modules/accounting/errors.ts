import { MedusaError } from "@medusajs/framework/utils"

/**
 * Stable codes of business-rule refusals (../../../docs/API.md lists them).
 * Clients switch on `code`; the HTTP status says what kind of refusal it is.
 */
export const AccountingErrorCodes = {
  UNBALANCED_ENTRY: 422,
  IMMUTABLE: 409,
  PERIOD_CLOSED: 409,
  PERIOD_LOCKED: 409,
  PERIOD_CHECKLIST_BLOCKED: 409,
  PERIOD_OVERLAP: 409,
  POSTING_IN_PROGRESS: 409,
  DATE_BEFORE_ORIGINAL: 422,
  DATE_IN_FUTURE: 422,
  ALREADY_POSTED: 409,
  ALREADY_REVERSED: 409,
  ALREADY_VOIDED: 409,
  ALREADY_ISSUED: 409,
  LEGAL_NUMBER_SET: 409,
  NOT_POSTED: 409,
  NOT_ISSUED: 409,
  MEMO_FROM_RETURN: 409,
  CURRENCY_MISMATCH: 422,
  CUSTOMER_MISMATCH: 422,
  PRECISION_EXCEEDED: 422,
  ACCOUNT_INACTIVE: 422,
  ACCOUNT_NOT_MAPPED: 422,
  CONTROL_ACCOUNT: 422,
  SUBLEDGER_ENTRY: 409,
  REFUND_EXCEEDS_CREDIT: 422,
  APPLICATION_EXCEEDS_OPEN: 422,
  CREDIT_NOT_AVAILABLE: 409,
  POSITIVE_INVOICE_NOT_REFUNDABLE: 422,
  IDEMPOTENCY_CONFLICT: 409,
  IDEMPOTENCY_IN_PROGRESS: 409,
  PAYMENT_REQUIRED: 422,
  PAYMENT_REFUND_FAILED: 422,
  STORE_CREDIT_FAILED: 422,
  RECORD_ONLY_REQUIRED: 409,
  MONEY_MOVED: 409,
  STORE_CREDIT_SPENT: 409,
  NOT_A_PAYMENT_ACCOUNT: 422,
  CONTROL_ACCOUNT_IN_USE: 409,
  RETURN_ALREADY_CREDITED: 409,
  MEMO_EXCEEDS_ORDER: 422,
  ORDER_NOT_BOOKED: 409,
  ROUNDING_EXCEEDS_TOLERANCE: 422,
  LOCK_TIMEOUT: 409,
  INTEGRITY_VIOLATION: 409,
  UNKNOWN_PROVIDER: 422,
  PAYOUT_FILE_REJECTED: 422,
  SERVICE_UNAVAILABLE: 503,
  LAST_ACCESS_MANAGER: 409,
  APPROVAL_REQUIRED: 409,
  SAME_USER_APPROVAL: 403,
  NOT_AWAITING_APPROVAL: 409,
  PAYMENT_ALREADY_POSTED: 409,
  ALLOCATION_EXCEEDS_PAYMENT: 422,
  WRITE_OFF_EXCEEDS_BALANCE: 422,
  NOTHING_TO_WRITE_OFF: 422,
  RECEIPT_ALREADY_DEPOSITED: 409,
  RECEIPT_NOT_UNDEPOSITED: 422,
  // Reason codes (rules/reason-codes.ts): bad input against the configured list.
  UNKNOWN_REASON_CODE: 400,
  REASON_CODE_REQUIRED: 400,
  DEPOSIT_CURRENCY_MISMATCH: 422,
  APPLICATION_EXCEEDS_DEPOSIT: 422,
  REFUND_EXCEEDS_DEPOSIT: 422,
  DEPOSIT_METHOD_NOT_SUPPORTED: 422,
  DEPOSIT_IN_USE: 409,
  APPLIED_FROM_DEPOSIT: 409,
} as const

export type AccountingErrorCode = keyof typeof AccountingErrorCodes

/**
 * A business-rule refusal. It is a MedusaError (type not_allowed) so that,
 * under any error handler, it never turns into a 500; our error handler
 * answers it with its own status (409/422) and `code`.
 */
export class AccountingError extends MedusaError {
  readonly status: number

  constructor(code: AccountingErrorCode, message: string) {
    super(MedusaError.Types.NOT_ALLOWED, message, code)
    this.status = AccountingErrorCodes[code]
  }

  /** True for our refusals, also after a workflow engine serialised them. */
  static is(err: unknown, code?: AccountingErrorCode): err is AccountingError {
    const c = (err as { code?: unknown })?.code
    return (
      typeof c === "string" &&
      Object.prototype.hasOwnProperty.call(AccountingErrorCodes, c) &&
      (!code || c === code)
    )
  }

  static statusOf(err: { code?: string }): number {
    return AccountingErrorCodes[err.code as AccountingErrorCode] ?? 400
  }
}
