import { model } from "@medusajs/framework/utils"
import { CustomerRefundLine } from "./customer-refund-line"

/**
 * Built-in refund methods. A method is a name mapped to the account that pays
 * it out (settings → method_accounts), so a store adds its own (paypal, wise)
 * by mapping it; `card` and `store_credit` move money through Medusa.
 */
export const REFUND_METHODS = ["check", "eft", "cash", "card", "store_credit", "record_transfer"] as const

/** What a refund method's name may look like. */
export const REFUND_METHOD_NAME = /^[a-z][a-z0-9_]{1,39}$/

/**
 * `posting`: the credits are reserved while money moves. `money_moved`: the
 * provider or the loyalty plugin has paid out and the booking is pending; a
 * refund in it can only complete (never back to draft: money moves once).
 */
export const REFUND_STATUSES = ["draft", "posting", "money_moved", "posted", "voided"] as const

/** Statuses whose refunds hold their credits reserved. */
export const RESERVING_STATUSES = ["posting", "money_moved"] as const

export const CustomerRefund = model
  .define(
    { name: "CustomerRefund", tableName: "accounting_customer_refund" },
    {
      id: model.id({ prefix: "cref" }).primaryKey(),
      number: model.text().nullable(),
      status: model.enum([...REFUND_STATUSES]).default("draft"),
      customer_id: model.text(),
      currency_code: model.text(),
      refund_date: model.text(),
      method: model.text(),
      payment_account_id: model.text(),
      payment_id: model.text().nullable(),
      reference: model.text().nullable(),
      pay_to: model.text().nullable(),
      memo: model.text().nullable(),
      // One of the configured reason codes (settings → reason_codes.customer_refund).
      reason_code: model.text().nullable(),
      attachment_url: model.text().nullable(),
      total: model.bigNumber().default(0),
      journal_entry_id: model.text().nullable(),
      medusa_refund_id: model.text().nullable(),
      // A card refund to an order's payment drawing on credits Medusa does not
      // know of that order (credit memos, other orders' credits, store credit):
      // Medusa turns that part into an order credit line at most, which the
      // order's recognition leaves out (capped by the credit lines it sees).
      card_order_id: model.text().nullable(),
      card_credit_line_amount: model.bigNumber().nullable(),
      store_credit_transaction_id: model.text().nullable(),
      void_date: model.text().nullable(),
      void_journal_entry_id: model.text().nullable(),
      void_record_only: model.boolean().default(false),
      posting_started_at: model.dateTime().nullable(),
      // Set just before the provider is called: from then on only a read-back
      // of the payment's refunds decides whether money moved.
      payout_started_at: model.dateTime().nullable(),
      money_moved_at: model.dateTime().nullable(),
      void_reason: model.text().nullable(),
      // Maker-checker (rules/approval.ts): set on drafts above the threshold.
      approval_status: model.enum(["not_required", "pending", "approved", "rejected"]).default("not_required"),
      approved_by: model.text().nullable(),
      approved_at: model.dateTime().nullable(),
      rejected_by: model.text().nullable(),
      rejected_at: model.dateTime().nullable(),
      rejection_reason: model.text().nullable(),
      created_by: model.text().nullable(),
      posted_by: model.text().nullable(),
      posted_at: model.dateTime().nullable(),
      voided_by: model.text().nullable(),
      voided_at: model.dateTime().nullable(),
      origin: model.text().default("api"),
      metadata: model.json().nullable(),
      lines: model.hasMany(() => CustomerRefundLine, { mappedBy: "refund" }),
    }
  )
  .cascades({ delete: ["lines"] })
  .indexes([
    { on: ["number"], unique: true, where: "number IS NOT NULL" },
    { on: ["customer_id"] },
    { on: ["status"] },
    { on: ["refund_date"] },
    { on: ["medusa_refund_id"], unique: true, where: "medusa_refund_id IS NOT NULL" },
    { on: ["card_order_id"], where: "card_order_id IS NOT NULL" },
  ])
