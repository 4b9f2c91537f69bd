export const journalEntryFields = [
  "id", "number", "entry_date", "status", "currency_code", "memo",
  "source_type", "source_id", "source_kind", "origin",
  "created_by", "posted_by", "posted_at", "reversal_of_id", "reversed_by_id",
  "chain_seq", "hash", "prev_hash", "created_at",
]
export const journalEntryDetailFields = [
  ...journalEntryFields,
  "lines.id", "lines.line_no", "lines.debit", "lines.credit", "lines.description",
  "lines.customer_id", "lines.order_id", "lines.account.id", "lines.account.code", "lines.account.name",
]
export const listJournalEntriesQueryConfig = { defaults: journalEntryFields, isList: true }
export const retrieveJournalEntryQueryConfig = { defaults: journalEntryDetailFields, isList: false }
