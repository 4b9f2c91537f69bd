import { model } from "@medusajs/framework/utils"

/**
 * A posting from store activity that failed. The store's own flow is never
 * broken by it: the error is kept here and retried by a scheduled job or by
 * hand (POST /admin/accounting/posting-errors/:id/retry).
 */
export const PostingError = model
  .define(
    { name: "PostingError", tableName: "accounting_posting_error" },
    {
      id: model.id({ prefix: "perr" }).primaryKey(),
      source_type: model.text(),
      source_id: model.text(),
      event_name: model.text().nullable(),
      message: model.text(),
      code: model.text().nullable(),
      attempts: model.number().default(1),
      status: model.enum(["pending", "resolved"]).default("pending"),
      last_attempt_at: model.dateTime(),
      next_attempt_at: model.dateTime(),
      resolved_at: model.dateTime().nullable(),
    }
  )
  .indexes([
    { on: ["source_type", "source_id"], unique: true, where: "status = 'pending' AND deleted_at IS NULL" },
    { on: ["status", "next_attempt_at"] },
  ])
