import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"

export type IdempotencyClaim =
  | { state: "new"; id: string }
  | { state: "replay"; status: number; body: unknown }
  | { state: "conflict" | "in_progress" }

/**
 * Claims a client's Idempotency-Key for one request. The unique (scope, key)
 * row makes the claim atomic across processes: the first request runs, a
 * retry with the same body gets the stored answer, another body is refused.
 */
export async function claimIdempotencyKey(
  knex: Knex,
  scope: string,
  key: string,
  hash: string
): Promise<IdempotencyClaim> {
  const id = generateEntityId(undefined, "idem")
  const { rows } = await knex.raw(
    `insert into accounting_idempotency_key (id, scope, key, request_hash)
     values (?, ?, ?, ?)
     on conflict (scope, key) where deleted_at is null do nothing
     returning id`,
    [id, scope, key, hash]
  )
  if (rows.length) {
    return { state: "new", id }
  }
  const existing = await knex("accounting_idempotency_key")
    .where({ scope, key })
    .whereNull("deleted_at")
    .first()
  if (!existing || existing.request_hash !== hash) {
    return { state: "conflict" }
  }
  if (existing.response_status !== null) {
    return { state: "replay", status: Number(existing.response_status), body: existing.response_body }
  }
  return { state: "in_progress" }
}

export async function completeIdempotencyKey(knex: Knex, id: string, status: number, body: unknown) {
  await knex("accounting_idempotency_key")
    .where({ id })
    .update({ response_status: status, response_body: JSON.stringify(body), updated_at: knex.fn.now() })
}

/** A failed request gives its key back, so the client can retry it. */
export async function releaseIdempotencyKey(knex: Knex, id: string) {
  await knex("accounting_idempotency_key").where({ id }).del()
}
