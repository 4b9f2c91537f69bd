import { model } from "@medusajs/framework/utils"

/** Who changed what, when, and through which door (api, workflow, import…). */
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
    }
  )
  .indexes([{ on: ["entity_type", "entity_id"] }])
