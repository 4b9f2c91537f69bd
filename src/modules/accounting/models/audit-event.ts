import { model } from "@medusajs/framework/utils"

/**
 * Who changed what, when, and through which door (api, workflow, import…),
 * with the values before and after. Append-only (a trigger refuses edits and
 * deletes) and hash-chained like the journal: `chain_seq`, `prev_hash` and
 * `hash` are set once, when the row is sealed into the chain.
 */
export const AuditEvent = model
  .define(
    { name: "AuditEvent", tableName: "accounting_audit_event" },
    {
      id: model.id({ prefix: "aevt" }).primaryKey(),
      entity_type: model.text(),
      entity_id: model.text(),
      action: model.text(),
      from_status: model.text().nullable(),
      to_status: model.text().nullable(),
      actor_id: model.text().nullable(),
      origin: model.text(),
      data: model.json().nullable(),
      before: model.json().nullable(),
      after: model.json().nullable(),
      chain_seq: model.number().nullable(),
      prev_hash: model.text().nullable(),
      hash: model.text().nullable(),
    }
  )
  .indexes([
    { on: ["entity_type", "entity_id"] },
    { on: ["chain_seq"], unique: true, where: "chain_seq IS NOT NULL" },
    { on: ["actor_id"] },
    { on: ["created_at"] },
  ])
