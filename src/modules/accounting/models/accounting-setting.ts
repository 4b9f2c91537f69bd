import { model } from "@medusajs/framework/utils"

/** The store's accounting settings (a single row). */
export const AccountingSetting = model.define(
  { name: "AccountingSetting", tableName: "accounting_setting" },
  {
    id: model.id({ prefix: "aset" }).primaryKey(),
    default_payment_terms_days: model.number().default(0),
    aging_buckets: model.json().default({ days: [30, 60, 90] }),
    auto_credit_memo_on_return: model.boolean().default(false),
    posting: model.json().nullable(),
    // IANA time zone of the store's accounting days (orders, captures, returns, today).
    timezone: model.text().default("UTC"),
    // Documents, applications, voids and reversals may be dated after today.
    allow_future_dates: model.boolean().default(false),
    // An item dated in a closed period (or before the lock date) posts on the first open day.
    late_items_to_open_period: model.boolean().default(false),
    // No posting dated on or before this day without periods:manage (YYYY-MM-DD).
    lock_date: model.text().nullable(),
    // Orders updated after this instant still need a sync (sweep job).
    sync_cursor: model.dateTime().nullable(),
    // Approval thresholds per document type and currency: { customer_refund: { usd: "500" } }.
    approvals: model.json().nullable(),
    // Reason codes per document type (rules/reason-codes.ts); null = the defaults.
    reason_codes: model.json().nullable(),
    // Hash of the plugin options last written into these settings.
    options_hash: model.text().nullable(),
  }
)
