import { model } from "@medusajs/framework/utils"

/**
 * Part of a deposit paid back to the customer (Dr Customer Advances / Cr the
 * method's account). Money left: final, never changed or deleted.
 */
export const CustomerDepositRefund = model
  .define(
    { name: "CustomerDepositRefund", tableName: "accounting_customer_deposit_refund" },
    {
      id: model.id({ prefix: "cdref" }).primaryKey(),
      deposit_id: model.text(),
      amount: model.bigNumber(),
      refund_date: model.text(),
      method: model.text(),
      account_id: model.text(),
      reference: model.text().nullable(),
      journal_entry_id: model.text(),
      created_by: model.text().nullable(),
    }
  )
  .indexes([{ on: ["deposit_id"] }, { on: ["journal_entry_id"], unique: true }])
