import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"

/** Who does it and through which door, for the audit trail. */
export function actorOf(req: AuthenticatedMedusaRequest<any>, origin = "api") {
  return { actor_id: req.auth_context?.actor_id ?? null, origin }
}
