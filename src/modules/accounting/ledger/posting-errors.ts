import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"

export type PostingFailure = {
  source_type: string
  source_id: string
  event_name?: string | null
  message: string
  code?: string | null
}

/** Minutes to wait before attempt n+1: 1, 2, 4 … capped at 6 hours. */
export function backoffMinutes(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), 360)
}

/** One pending error per source: a repeat failure counts an attempt and backs off. */
export async function recordPostingError(knex: Knex, failure: PostingFailure) {
  const existing = await knex("accounting_posting_error")
    .where({ source_type: failure.source_type, source_id: failure.source_id, status: "pending" })
    .whereNull("deleted_at")
    .forUpdate()
    .first()
  if (existing) {
    const attempts = Number(existing.attempts) + 1
    const [row] = await knex("accounting_posting_error")
      .where({ id: existing.id })
      .update({
        attempts,
        message: failure.message,
        code: failure.code ?? null,
        event_name: failure.event_name ?? existing.event_name,
        last_attempt_at: knex.fn.now(),
        next_attempt_at: knex.raw(`now() + make_interval(mins => ?)`, [backoffMinutes(attempts)]),
        updated_at: knex.fn.now(),
      })
      .returning("*")
    return row
  }
  const [row] = await knex("accounting_posting_error")
    .insert({
      id: generateEntityId(undefined, "perr"),
      source_type: failure.source_type,
      source_id: failure.source_id,
      event_name: failure.event_name ?? null,
      message: failure.message,
      code: failure.code ?? null,
      attempts: 1,
      status: "pending",
      last_attempt_at: knex.fn.now(),
      next_attempt_at: knex.raw(`now() + make_interval(mins => 1)`),
    })
    // A concurrent first failure of the same source already recorded it.
    .onConflict()
    .ignore()
    .returning("*")
  return row
}

export async function resolvePostingErrors(
  knex: Knex,
  sourceType: string,
  sourceId: string
): Promise<number> {
  return knex("accounting_posting_error")
    .where({ source_type: sourceType, source_id: sourceId, status: "pending" })
    .update({ status: "resolved", resolved_at: knex.fn.now(), updated_at: knex.fn.now() })
}

/**
 * Claims due errors for one retry run. SKIP LOCKED plus the pushed-back
 * next_attempt_at mean two workers running the job never take the same one.
 */
export async function claimDuePostingErrors(knex: Knex, limit = 50) {
  const { rows } = await knex.raw(
    `update accounting_posting_error
        set next_attempt_at = now() + interval '10 minutes', updated_at = now()
      where id in (
        select id from accounting_posting_error
         where status = 'pending' and deleted_at is null and next_attempt_at <= now()
         order by next_attempt_at
         limit ?
         for update skip locked)
      returning *`,
    [limit]
  )
  return rows
}
