import { model } from "@medusajs/framework/utils"

/**
 * A credit document settling a debit document. Unapplying does not delete:
 * it stamps `unapplied_date`, so every past as-of picture can be rebuilt.
 */
export const ArApplication = model
  .define(
    { name: "ArApplication", tableName: "accounting_ar_application" },
    {
      id: model.id({ prefix: "arapp" }).primaryKey(),
      credit_document_id: model.text(),
      debit_document_id: model.text(),
      amount: model.bigNumber(),
      application_date: model.text(),
      unapplied_date: model.text().nullable(),
      kind: model.enum(["auto", "manual", "refund"]),
      // One admin "apply" spread over several documents of an order shares a batch.
      batch_id: model.text().nullable(),
      customer_refund_id: model.text().nullable(),
      created_by: model.text().nullable(),
      unapplied_by: model.text().nullable(),
    }
  )
  .indexes([
    { on: ["credit_document_id"] },
    { on: ["debit_document_id"] },
    { on: ["batch_id"], where: "batch_id IS NOT NULL" },
    // "Is anything dated after the as-of day?" (NOTHING_AFTER_AS_OF) without reading every application.
    { on: ["application_date"] },
    { on: ["unapplied_date"], where: "unapplied_date IS NOT NULL" },
  ])
