import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { loadReferences } from "../../../utils/names"
import { refetchOr404 } from "../../../utils/refetch"

type PeriodRow = { id: string; closed_by?: string | null; reopened_by?: string | null }

/**
 * Adds to a page of periods who closed and reopened them (by name) and their
 * audit trail: each close and reopen with its reason, newest first. Two
 * queries for the page.
 */
export async function withHistory<T extends PeriodRow>(req: AuthenticatedMedusaRequest<any>, periods: T[]) {
  const knex = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const events = periods.length
    ? await knex("accounting_audit_event")
        .select("entity_id", "action", "actor_id", "origin", "data", "created_at")
        .where({ entity_type: "period" })
        .whereIn("action", ["close", "reopen"])
        .whereIn(
          "entity_id",
          periods.map((p) => p.id)
        )
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
    : []
  const refs = await loadReferences(req.scope, {
    user_ids: [
      ...periods.flatMap((p) => [p.closed_by, p.reopened_by]),
      ...events.map((e: any) => e.actor_id),
    ],
  })
  return periods.map((period) => ({
    ...period,
    closed_by_user: refs.user(period.closed_by),
    reopened_by_user: refs.user(period.reopened_by),
    history: events
      .filter((e: any) => e.entity_id === period.id)
      .map((e: any) => ({
        action: e.action as "close" | "reopen",
        reason: (typeof e.data === "string" ? JSON.parse(e.data) : e.data)?.reason ?? null,
        actor: refs.user(e.actor_id),
        origin: e.origin,
        at: e.created_at,
      })),
  }))
}

export const loadPeriod = async (req: AuthenticatedMedusaRequest<any>, id?: string) =>
  (await withHistory(req, [await refetchOr404(req, "accounting_period", "Period", id)]))[0]
