import { model } from "@medusajs/framework/utils"

/**
 * A document of the AR subledger (an "open item"). `sign` +1 is a debit
 * document (what the customer owes: order receivable, refund paid out,
 * customer refund), -1 a credit document (payment, negative order adjustment,
 * credit memo, received payment, write-off,
 * deposit application). `open_amount` is the cached remainder, kept equal to
 * amount - standing applications under a row lock; as-of values are derived
 * from `ar_application` dates (see reports).
 */
export const AR_DOC_TYPES = [
  "order",
  "order_adjustment",
  "payment",
  "payment_refund",
  "credit_memo",
  "customer_refund",
  "received_payment",
  "write_off",
  // An order's open item moved between customers (order transfer): out of the old, into the new.
  "transfer",
  // A customer deposit applied to an order (one per application; the deposit itself is not AR).
  "deposit_application",
] as const

export const ArDocument = model
  .define(
    { name: "ArDocument", tableName: "accounting_ar_document" },
    {
      id: model.id({ prefix: "ardoc" }).primaryKey(),
      doc_type: model.enum([...AR_DOC_TYPES]),
      sign: model.number(),
      number: model.text().nullable(),
      customer_id: model.text(),
      currency_code: model.text(),
      document_date: model.text(),
      due_date: model.text(),
      amount: model.bigNumber(),
      open_amount: model.bigNumber(),
      source_id: model.text(),
      order_id: model.text().nullable(),
      region_id: model.text().nullable(),
      sales_channel_id: model.text().nullable(),
      journal_entry_id: model.text().nullable(),
      // Recognised sales/shipping/discount/tax of order documents, to post deltas.
      breakdown: model.json().nullable(),
      // Order version this recognition was computed from.
      source_version: model.number().nullable(),
      void_date: model.text().nullable(),
      void_journal_entry_id: model.text().nullable(),
    }
  )
  .indexes([
    { on: ["doc_type", "source_id"], unique: true },
    { on: ["customer_id", "currency_code"] },
    { on: ["order_id"], where: "order_id IS NOT NULL" },
    { on: ["document_date"] },
    { on: ["void_date"], where: "void_date IS NOT NULL" },
    // The aging detail's order over standing documents: a million rows stream without a sort first.
    {
      name: "IDX_accounting_ar_document_aging_order",
      on: ["currency_code", "customer_id", "document_date", "id"],
      where: "void_date IS NULL",
    },
  ])
