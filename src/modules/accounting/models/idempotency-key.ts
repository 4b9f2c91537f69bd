import { model } from "@medusajs/framework/utils"

/** A client's Idempotency-Key with the hash of the body it came with. */
export const IdempotencyKey = model
  .define(
    { name: "IdempotencyKey", tableName: "accounting_idempotency_key" },
    {
      id: model.id({ prefix: "idem" }).primaryKey(),
      key: model.text(),
      scope: model.text(),
      request_hash: model.text(),
      resource_id: model.text().nullable(),
      response_status: model.number().nullable(),
      response_body: model.json().nullable(),
    }
  )
  .indexes([{ on: ["scope", "key"], unique: true }])
