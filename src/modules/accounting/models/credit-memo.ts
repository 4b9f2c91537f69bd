import { model } from "@medusajs/framework/utils"
import { CreditMemoLine } from "./credit-memo-line"

export const CREDIT_MEMO_STATUSES = ["draft", "issued", "voided"] as const

export const CreditMemo = model
  .define(
    { name: "CreditMemo", tableName: "accounting_credit_memo" },
    {
      id: model.id({ prefix: "cmemo" }).primaryKey(),
      number: model.text().nullable(),
      status: model.enum([...CREDIT_MEMO_STATUSES]).default("draft"),
      customer_id: model.text(),
      order_id: model.text().nullable(),
      return_id: model.text().nullable(),
      currency_code: model.text(),
      memo_date: model.text(),
      reason: model.text(),
      // One of the configured reason codes (settings → reason_codes.credit_memo).
      reason_code: model.text().nullable(),
      subtotal: model.bigNumber().default(0),
      tax_total: model.bigNumber().default(0),
      total: model.bigNumber().default(0),
      journal_entry_id: model.text().nullable(),
      void_date: model.text().nullable(),
      void_journal_entry_id: model.text().nullable(),
      // Maker-checker (rules/approval.ts): set on drafts above the threshold.
      approval_status: model.enum(["not_required", "pending", "approved", "rejected"]).default("not_required"),
      approved_by: model.text().nullable(),
      approved_at: model.dateTime().nullable(),
      rejected_by: model.text().nullable(),
      rejected_at: model.dateTime().nullable(),
      rejection_reason: model.text().nullable(),
      created_by: model.text().nullable(),
      issued_by: model.text().nullable(),
      issued_at: model.dateTime().nullable(),
      voided_by: model.text().nullable(),
      voided_at: model.dateTime().nullable(),
      // Coexisting with an invoicing plugin: an internal memo is not a tax document; the
      // legal credit note (its number) is the one the invoicing plugin issued.
      internal: model.boolean().default(false),
      legal_number: model.text().nullable(),
      origin: model.text().default("api"),
      metadata: model.json().nullable(),
      lines: model.hasMany(() => CreditMemoLine, { mappedBy: "credit_memo" }),
    }
  )
  .cascades({ delete: ["lines"] })
  .indexes([
    { on: ["number"], unique: true, where: "number IS NOT NULL" },
    { on: ["customer_id"] },
    { on: ["order_id"], where: "order_id IS NOT NULL" },
    { on: ["legal_number"], where: "legal_number IS NOT NULL" },
    { on: ["return_id"], unique: true, where: "return_id IS NOT NULL AND deleted_at IS NULL" },
  ])
