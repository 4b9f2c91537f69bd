import { MoneyLike, toDecimal } from "./money"

/**
 * Documents that may need a second person before they post (maker-checker),
 * with the permission an approver holds. A new document type is one line
 * here plus its table in ar/approvals.ts.
 */
export const APPROVAL_DOCUMENT_TYPES = {
  customer_refund: { permission: "customer_refunds:approve", label: "Refund" },
  credit_memo: { permission: "credit_memos:approve", label: "Credit memo" },
  write_off: { permission: "writeoffs:approve", label: "Write-off" },
} as const
export type ApprovalDocumentType = keyof typeof APPROVAL_DOCUMENT_TYPES

export const APPROVAL_STATUSES = ["not_required", "pending", "approved", "rejected"] as const
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number]

/** Per document type, the amount per currency (lower-case code) above which approval is needed. */
export type ApprovalThresholds = Partial<Record<ApprovalDocumentType, Record<string, string>>>

/** True when `amount` is above the type's threshold for `currency` (no threshold: never). */
export function approvalRequired(
  thresholds: ApprovalThresholds | null | undefined,
  type: ApprovalDocumentType,
  currency: string,
  amount: MoneyLike
): boolean {
  const limit = thresholds?.[type]?.[currency.toLowerCase()]
  return limit !== undefined && limit !== null && toDecimal(amount).isGreaterThan(toDecimal(limit))
}

/** The status a draft gets when it is created or changed (any change needs a fresh approval). */
export function draftApprovalStatus(required: boolean): ApprovalStatus {
  return required ? "pending" : "not_required"
}
