import { AccountingError } from "../errors"

/**
 * Reason codes: a configurable list per document type (settings →
 * reason_codes), each code a short slug with a label and an active flag, and
 * per type whether a reason is required. Every caller (drafts, issue, post,
 * write-offs, import) checks a code here, so the rule has one home.
 */
export const REASON_CODE_DOCUMENT_TYPES = ["credit_memo", "customer_refund", "write_off"] as const
export type ReasonCodeDocumentType = (typeof REASON_CODE_DOCUMENT_TYPES)[number]

/** What a code may look like: lowercase letters, digits, _ and - (2 to 40 characters). */
export const REASON_CODE_PATTERN = /^[a-z][a-z0-9_-]{1,39}$/

export type ReasonCode = { code: string; label: string; active: boolean }
export type ReasonCodeList = { required: boolean; codes: ReasonCode[] }
export type ReasonCodeSettings = Record<ReasonCodeDocumentType, ReasonCodeList>

const list = (codes: [string, string][]): ReasonCode[] => codes.map(([code, label]) => ({ code, label, active: true }))

const CREDIT_REASONS: [string, string][] = [
  ["damaged", "Damaged goods"],
  ["late_delivery", "Late delivery"],
  ["pricing_error", "Pricing error"],
  ["goodwill", "Goodwill"],
  ["duplicate", "Duplicate charge"],
  ["other", "Other"],
]

/**
 * The defaults a store starts with. Not required, so clients written before
 * reason codes keep working; write-offs always named a code, and the codes
 * they used (bad_debt, small_balance) are in their list.
 */
export const DEFAULT_REASON_CODES: ReasonCodeSettings = {
  credit_memo: { required: false, codes: list(CREDIT_REASONS) },
  customer_refund: { required: false, codes: list(CREDIT_REASONS) },
  write_off: {
    required: false,
    codes: list([
      ["uncollectible", "Uncollectible"],
      ["bad_debt", "Bad debt"],
      ["small_balance", "Small balance"],
      ["dispute_lost", "Dispute lost"],
      ["customer_bankrupt", "Customer bankrupt"],
      ["other", "Other"],
    ]),
  },
}

/** The stored settings (null or partial: types never edited) over the defaults. */
export function resolveReasonCodes(stored: Partial<Record<string, Partial<ReasonCodeList>>> | null | undefined) {
  return Object.fromEntries(
    REASON_CODE_DOCUMENT_TYPES.map((type) => {
      const s = stored?.[type]
      const d = DEFAULT_REASON_CODES[type]
      return [type, { required: s?.required ?? d.required, codes: s?.codes ?? d.codes }]
    })
  ) as ReasonCodeSettings
}

const TYPE_LABEL: Record<ReasonCodeDocumentType, string> = {
  credit_memo: "credit memos",
  customer_refund: "customer refunds",
  write_off: "write-offs",
}

/**
 * Refuses a code that is not in the type's list or is inactive
 * (UNKNOWN_REASON_CODE), and a missing one when the type requires a reason
 * (REASON_CODE_REQUIRED). Returns the code to store (null when none).
 */
export function assertReasonCode(
  settings: ReasonCodeSettings,
  type: ReasonCodeDocumentType,
  code: string | null | undefined,
  field = "reason_code"
): string | null {
  const config = settings[type]
  if (code === null || code === undefined || code === "") {
    if (config.required) {
      throw new AccountingError(
        "REASON_CODE_REQUIRED",
        `${field}: a reason code is required for ${TYPE_LABEL[type]} (settings → reason_codes); one of ${activeCodes(config)}`
      )
    }
    return null
  }
  const found = config.codes.find((c) => c.code === code)
  if (!found || !found.active) {
    throw new AccountingError(
      "UNKNOWN_REASON_CODE",
      `${field}: "${code}" is ${found ? "no longer active" : "not a reason code"} for ${TYPE_LABEL[type]}; one of ${activeCodes(config)}`
    )
  }
  return code
}

const activeCodes = (config: ReasonCodeList) =>
  config.codes
    .filter((c) => c.active)
    .map((c) => c.code)
    .join(", ") || "(none active)"

/** The label shown for a stored code (the code itself if it has since left the list). */
export function reasonLabel(settings: ReasonCodeSettings, type: ReasonCodeDocumentType, code: string | null | undefined) {
  if (!code) {
    return null
  }
  return settings[type].codes.find((c) => c.code === code)?.label ?? code
}

/**
 * A settings edit may add, relabel or deactivate codes but never drop one:
 * documents keep their code, and its label must stay readable. Returns the
 * codes missing from `next`.
 */
export function droppedReasonCodes(current: ReasonCode[], next: ReasonCode[]): string[] {
  return current.filter((c) => !next.some((n) => n.code === c.code)).map((c) => c.code)
}
