import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import { sealAuditChain } from "./audit-chain"

export type Actor = { actor_id?: string | null; origin?: string }

export type AuditInput = {
  entity_type: string
  entity_id: string
  action: string
  from_status?: string | null
  to_status?: string | null
  data?: Record<string, unknown> | null
  before?: unknown
  after?: unknown
} & Actor

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v))

/**
 * Appends an audit row in the caller's transaction (so it exists exactly when
 * the action does), sealed into the hash chain unless another transaction is
 * sealing right now (that one, or the next, seals it).
 */
export async function recordAudit(knex: Knex, event: AuditInput): Promise<void> {
  await sealAuditChain(knex, {
    wait: false,
    append: {
      id: generateEntityId(undefined, "aevt"),
      entity_type: event.entity_type,
      entity_id: event.entity_id,
      action: event.action,
      from_status: event.from_status ?? null,
      to_status: event.to_status ?? null,
      actor_id: event.actor_id ?? null,
      origin: event.origin ?? "api",
      data: json(event.data),
      before: json(event.before),
      after: json(event.after),
    },
  })
}
