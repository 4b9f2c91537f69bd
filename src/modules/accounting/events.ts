/**
 * Events the accounting plugin emits, each with `{ id }` of the document
 * (plus what is named in the comment). Subscribe to them like to Medusa's own.
 */
export const AccountingEvents = {
  JOURNAL_ENTRY_POSTED: "accounting.journal_entry.posted",
  /** `{ id, reversal_id }` */
  JOURNAL_ENTRY_REVERSED: "accounting.journal_entry.reversed",
  PERIOD_CLOSED: "accounting.period.closed",
  PERIOD_REOPENED: "accounting.period.reopened",
  CREDIT_MEMO_ISSUED: "accounting.credit_memo.issued",
  CREDIT_MEMO_VOIDED: "accounting.credit_memo.voided",
  /** `{ id, application_id, order_id, amount }` */
  CREDIT_MEMO_APPLIED: "accounting.credit_memo.applied",
  /** `{ id, application_id }` */
  CREDIT_MEMO_UNAPPLIED: "accounting.credit_memo.unapplied",
  CUSTOMER_REFUND_POSTED: "accounting.customer_refund.posted",
  CUSTOMER_REFUND_VOIDED: "accounting.customer_refund.voided",
  /** `{ id, source_type, source_id }` of the posting error */
  POSTING_FAILED: "accounting.posting.failed",
} as const

export type AccountingEventName = (typeof AccountingEvents)[keyof typeof AccountingEvents]
