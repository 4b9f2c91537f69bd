import { model } from "@medusajs/framework/utils"

/**
 * Per document type numbering (JE-, CM-, RF-). `next_value` is taken with an
 * UPDATE … RETURNING inside the posting transaction: the row lock makes numbers
 * unique and gap-free, a rollback gives the number back.
 */
export const DocumentSequence = model
  .define(
    { name: "DocumentSequence", tableName: "accounting_document_sequence" },
    {
      id: model.id({ prefix: "dseq" }).primaryKey(),
      type: model.text(),
      prefix: model.text(),
      padding: model.number().default(5),
      next_value: model.number().default(1),
    }
  )
  .indexes([{ on: ["type"], unique: true, where: "deleted_at IS NULL" }])
