import { model } from "@medusajs/framework/utils"
import { APPROVAL_STATUSES } from "../rules/approval"

export const WRITE_OFF_STATUSES = ["draft", "posted", "voided"] as const

/**
 * An uncollectible balance of one order written off (WO- number): Dr Bad
 * Debt / Cr AR, and an AR credit document (`write_off`) applied to the order
 * at once. Voiding mirrors the entry and reopens the order. `batch_id` groups
 * the write-offs of one bulk small-balance run. Above the store's approval
 * threshold a write-off waits as a draft (no number, nothing posted) until a
 * second user approves it; then it is posted.
 */
export const WriteOff = model
  .define(
    { name: "WriteOff", tableName: "accounting_write_off" },
    {
      id: model.id({ prefix: "wroff" }).primaryKey(),
      number: model.text().nullable(),
      status: model.enum([...WRITE_OFF_STATUSES]).default("posted"),
      customer_id: model.text(),
      order_id: model.text(),
      currency_code: model.text(),
      write_off_date: model.text(),
      amount: model.bigNumber(),
      // One of the configured reason codes (settings → reason_codes.write_off).
      reason_code: model.text().nullable(),
      memo: model.text().nullable(),
      batch_id: model.text().nullable(),
      journal_entry_id: model.text().nullable(),
      void_date: model.text().nullable(),
      void_reason: model.text().nullable(),
      void_journal_entry_id: model.text().nullable(),
      voided_by: model.text().nullable(),
      voided_at: model.dateTime().nullable(),
      created_by: model.text().nullable(),
      approval_status: model.enum([...APPROVAL_STATUSES]).default("not_required"),
      approved_by: model.text().nullable(),
      approved_at: model.dateTime().nullable(),
      rejected_by: model.text().nullable(),
      rejected_at: model.dateTime().nullable(),
      rejection_reason: model.text().nullable(),
      origin: model.text().default("api"),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    { on: ["number"], unique: true },
    { on: ["customer_id"] },
    { on: ["order_id"] },
    { on: ["batch_id"], where: "batch_id IS NOT NULL" },
  ])
