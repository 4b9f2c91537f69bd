import { model } from "@medusajs/framework/utils"

/**
 * `posted` while some of it remains; `applied` / `refunded` once nothing
 * remains (refunded when any of it was paid back); `voided` only while
 * nothing was applied or refunded. Kept by the code, checked by the database.
 */
export const CUSTOMER_DEPOSIT_STATUSES = ["posted", "applied", "refunded", "voided"] as const

/**
 * A deposit or advance a customer paid before an order (DEP- number):
 * Dr the method's account / Cr Customer Advances, a liability until it is
 * applied to an order (Dr Customer Advances / Cr AR) or paid back (Dr
 * Customer Advances / Cr the method's account). Not an AR document itself:
 * the receivable only moves when an application posts. `applied_amount` and
 * `refunded_amount` are the standing totals, kept under a row lock and by
 * CHECK constraints within `amount`.
 */
export const CustomerDeposit = model
  .define(
    { name: "CustomerDeposit", tableName: "accounting_customer_deposit" },
    {
      id: model.id({ prefix: "cdep" }).primaryKey(),
      number: model.text(),
      status: model.enum([...CUSTOMER_DEPOSIT_STATUSES]).default("posted"),
      customer_id: model.text(),
      currency_code: model.text(),
      deposit_date: model.text(),
      method: model.text(),
      deposit_account_id: model.text(),
      reference: model.text().nullable(),
      memo: model.text().nullable(),
      amount: model.bigNumber(),
      applied_amount: model.bigNumber(),
      refunded_amount: model.bigNumber(),
      journal_entry_id: model.text(),
      void_date: model.text().nullable(),
      void_reason: model.text().nullable(),
      void_journal_entry_id: model.text().nullable(),
      voided_by: model.text().nullable(),
      voided_at: model.dateTime().nullable(),
      created_by: model.text().nullable(),
      origin: model.text().default("api"),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    { on: ["number"], unique: true },
    { on: ["customer_id"] },
    { on: ["deposit_date"] },
    { on: ["journal_entry_id"], unique: true },
  ])
