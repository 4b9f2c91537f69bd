import { model } from "@medusajs/framework/utils"
import { CustomerRefund } from "./customer-refund"

export const CREDIT_SOURCE_TYPES = ["credit_memo", "overpayment", "negative_invoice", "store_credit"] as const

/**
 * One credit drawn on by a refund. `source_id` is the credit memo id, the AR
 * document id (overpayment, negative invoice) or the loyalty store-credit
 * account id; `ar_document_id` is resolved when the refund is saved.
 */
export const CustomerRefundLine = model
  .define(
    { name: "CustomerRefundLine", tableName: "accounting_customer_refund_line" },
    {
      id: model.id({ prefix: "crline" }).primaryKey(),
      source_type: model.enum([...CREDIT_SOURCE_TYPES]),
      source_id: model.text(),
      ar_document_id: model.text().nullable(),
      amount: model.bigNumber(),
      refund: model.belongsTo(() => CustomerRefund, { mappedBy: "lines" }),
    }
  )
  .indexes([{ on: ["source_type", "source_id"] }, { on: ["ar_document_id"] }])
