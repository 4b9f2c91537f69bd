import { model } from "@medusajs/framework/utils"

/** Days until due for the orders of a customer group (default in settings). */
export const PaymentTerm = model
  .define(
    { name: "PaymentTerm", tableName: "accounting_payment_term" },
    {
      id: model.id({ prefix: "pterm" }).primaryKey(),
      customer_group_id: model.text(),
      days: model.number(),
    }
  )
  .indexes([{ on: ["customer_group_id"], unique: true, where: "deleted_at IS NULL" }])
