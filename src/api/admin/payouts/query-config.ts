export const payoutFields = [
  "id",
  "number",
  "provider_id",
  "provider_payout_id",
  "currency_code",
  "payout_date",
  "gross",
  "fee",
  "net",
  "source",
  "journal_entry_id",
  "created_by",
  "created_at",
]
export const payoutDetailFields = [
  ...payoutFields,
  "lines.id",
  "lines.line_no",
  "lines.reporting_category",
  "lines.provider_payment_id",
  "lines.description",
  "lines.gross",
  "lines.fee",
  "lines.net",
  "lines.matched_type",
  "lines.matched_id",
]
export const listPayoutsQueryConfig = { defaults: payoutFields, isList: true }
export const retrievePayoutQueryConfig = { defaults: payoutDetailFields, isList: false }
