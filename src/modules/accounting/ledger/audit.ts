import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"

export type Actor = { actor_id?: string | null; origin?: string }

export async function recordAudit(
  knex: Knex,
  event: {
    entity_type: string
    entity_id: string
    action: string
    from_status?: string | null
    to_status?: string | null
    data?: Record<string, unknown> | null
  } & Actor
): Promise<void> {
  await knex("accounting_audit_event").insert({
    id: generateEntityId(undefined, "aevt"),
    entity_type: event.entity_type,
    entity_id: event.entity_id,
    action: event.action,
    from_status: event.from_status ?? null,
    to_status: event.to_status ?? null,
    actor_id: event.actor_id ?? null,
    origin: event.origin ?? "api",
    data: event.data ? JSON.stringify(event.data) : null,
  })
}
