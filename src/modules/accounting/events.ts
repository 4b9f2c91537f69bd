/**
 * Events the accounting plugin emits, one per state change. Subscribe to them
 * like to Medusa's own; `AccountingEventPayloads` types each one's data.
 */
export const AccountingEvents = {
  JOURNAL_ENTRY_POSTED: "accounting.journal_entry.posted",
  JOURNAL_ENTRY_REVERSED: "accounting.journal_entry.reversed",
  PERIOD_CLOSED: "accounting.period.closed",
  PERIOD_REOPENED: "accounting.period.reopened",
  CREDIT_MEMO_ISSUED: "accounting.credit_memo.issued",
  CREDIT_MEMO_VOIDED: "accounting.credit_memo.voided",
  CREDIT_MEMO_LEGAL_NUMBER_RECORDED: "accounting.credit_memo.legal_number_recorded",
  CREDIT_MEMO_APPLIED: "accounting.credit_memo.applied",
  CREDIT_MEMO_UNAPPLIED: "accounting.credit_memo.unapplied",
  CUSTOMER_REFUND_IMPORTED: "accounting.customer_refund.imported",
  CUSTOMER_REFUND_POSTED: "accounting.customer_refund.posted",
  CUSTOMER_REFUND_VOIDED: "accounting.customer_refund.voided",
  POSTING_FAILED: "accounting.posting.failed",
  ROLE_CREATED: "accounting.role.created",
  ROLE_UPDATED: "accounting.role.updated",
  ROLE_DELETED: "accounting.role.deleted",
  ROLE_GRANTED: "accounting.role_grant.created",
  ROLE_REVOKED: "accounting.role_grant.revoked",
  DOCUMENT_APPROVED: "accounting.approval.approved",
  DOCUMENT_REJECTED: "accounting.approval.rejected",
  RECEIVED_PAYMENT_POSTED: "accounting.received_payment.posted",
  RECEIVED_PAYMENT_REVERSED: "accounting.received_payment.reversed",
  WRITE_OFF_AWAITING_APPROVAL: "accounting.write_off.awaiting_approval",
  WRITE_OFF_POSTED: "accounting.write_off.posted",
  WRITE_OFF_VOIDED: "accounting.write_off.voided",
  CREDIT_APPLIED: "accounting.credit.applied",
  CREDIT_UNAPPLIED: "accounting.credit.unapplied",
  PAYOUT_POSTED: "accounting.payout.posted",
  BANK_DEPOSIT_POSTED: "accounting.bank_deposit.posted",
  GOODWILL_REFUND_CREATED: "accounting.goodwill_refund.created",
  CUSTOMER_DEPOSIT_POSTED: "accounting.customer_deposit.posted",
  CUSTOMER_DEPOSIT_APPLIED: "accounting.customer_deposit.applied",
  CUSTOMER_DEPOSIT_UNAPPLIED: "accounting.customer_deposit.unapplied",
  CUSTOMER_DEPOSIT_REFUNDED: "accounting.customer_deposit.refunded",
  CUSTOMER_DEPOSIT_VOIDED: "accounting.customer_deposit.voided",
} as const

export type AccountingEventName = (typeof AccountingEvents)[keyof typeof AccountingEvents]

/** The data of each event (ids; load the record through the module or Query). */
export type AccountingEventPayloads = {
  /** A journal entry was posted by hand or by order sync (`order_id` then set). */
  "accounting.journal_entry.posted": { id: string; source_type?: string; order_id?: string }
  /** `id` is the original entry, `reversal_id` its mirror. */
  "accounting.journal_entry.reversed": { id: string; reversal_id: string }
  "accounting.period.closed": { id: string }
  "accounting.period.reopened": { id: string }
  "accounting.credit_memo.issued": { id: string }
  /** An invoicing plugin's legal credit note number, recorded on an issued memo. */
  "accounting.credit_memo.legal_number_recorded": { id: string; legal_number: string }
  "accounting.credit_memo.voided": { id: string }
  /** `amount` as sent (a decimal string or number in the memo's currency). */
  "accounting.credit_memo.applied": {
    id: string
    application_id: string
    order_id: string
    amount: string | number
  }
  "accounting.credit_memo.unapplied": { id: string; application_id: string }
  /** A draft refund created by a CSV import (one event per refund). */
  "accounting.customer_refund.imported": { id: string }
  "accounting.customer_refund.posted": { id: string }
  "accounting.customer_refund.voided": { id: string }
  /** `id` of the posting error; the source that failed to post. */
  "accounting.posting.failed": { id: string; source_type: string; source_id: string }
  /** A role's or a grant's id. */
  "accounting.role.created": { id: string }
  "accounting.role.updated": { id: string }
  "accounting.role.deleted": { id: string }
  "accounting.role_grant.created": { id: string }
  "accounting.role_grant.revoked": { id: string }
  /** A document approved or rejected before posting (maker-checker). */
  "accounting.approval.approved": { id: string; document_type: string }
  "accounting.approval.rejected": { id: string; document_type: string }
  /** A payment received outside Medusa was posted; `application_id` its allocations, if any. */
  "accounting.received_payment.posted": { id: string; application_id: string | null }
  "accounting.received_payment.reversed": { id: string }
  /** Above the approval threshold: a draft waiting for a second user (then `…/post`). */
  "accounting.write_off.awaiting_approval": { id: string }
  "accounting.write_off.posted": { id: string }
  "accounting.write_off.voided": { id: string }
  /** Any customer credit (`ar_document_id`) applied to an order, or unapplied. */
  "accounting.credit.applied": { ar_document_id: string; application_id: string; order_id: string }
  "accounting.credit.unapplied": { ar_document_id: string; application_id: string }
  /** A provider payout was posted (PO-); not sent again for a payout imported twice. */
  "accounting.payout.posted": { id: string }
  /** A bank deposit slip (DS-) was posted: Dr Bank / Cr Undeposited Funds. */
  "accounting.bank_deposit.posted": { id: string }
  /**
   * A goodwill refund: an allowance memo issued against the order and a refund
   * drawing on it, in one request (the memo's and the refund's own events are sent too).
   */
  "accounting.goodwill_refund.created": { credit_memo_id: string; customer_refund_id: string; order_id: string }
  /** A customer deposit (DEP-) was posted: Dr the method's account / Cr Customer Advances. */
  "accounting.customer_deposit.posted": { id: string }
  /** `application_id` of the deposit application (its own entry, Dr Customer Advances / Cr AR). */
  "accounting.customer_deposit.applied": { id: string; application_id: string; order_id: string }
  "accounting.customer_deposit.unapplied": { id: string; application_id: string }
  /** `refund_id` of what was paid back (Dr Customer Advances / Cr the method's account). */
  "accounting.customer_deposit.refunded": { id: string; refund_id: string }
  "accounting.customer_deposit.voided": { id: string }
}
