import { model } from "@medusajs/framework/utils"

/**
 * Part of a deposit applied to one order: its own entry (Dr Customer
 * Advances / Cr AR) and an AR credit document (`deposit_application`)
 * settling the order. Unapplying stamps `unapplied_date` and reverses the
 * entry; the row is never deleted.
 */
export const CustomerDepositApplication = model
  .define(
    { name: "CustomerDepositApplication", tableName: "accounting_customer_deposit_application" },
    {
      id: model.id({ prefix: "cdapp" }).primaryKey(),
      deposit_id: model.text(),
      order_id: model.text(),
      amount: model.bigNumber(),
      application_date: model.text(),
      ar_document_id: model.text(),
      journal_entry_id: model.text(),
      unapplied_date: model.text().nullable(),
      unapply_journal_entry_id: model.text().nullable(),
      created_by: model.text().nullable(),
      unapplied_by: model.text().nullable(),
    }
  )
  .indexes([{ on: ["deposit_id"] }, { on: ["order_id"] }, { on: ["journal_entry_id"], unique: true }])
