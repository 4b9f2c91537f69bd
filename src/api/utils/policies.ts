import type { MiddlewareRoute } from "@medusajs/framework/http"
import { middlewareMeta } from "./openapi-meta"

/** The Medusa RBAC policy of an accounting permission: customer_refunds:post -> accounting_customer_refunds / post. */
export function policyOf(permission: string) {
  const [resource, operation] = permission.split(":")
  return { resource: `accounting_${resource}`, operation }
}

/**
 * Declares on each route the Medusa RBAC policy of the permission its
 * requirePermission middleware checks (Medusa enforces it only when
 * MEDUSA_FF_RBAC is on; our own check runs either way). A route accepting
 * any of several permissions declares the first: Medusa requires every
 * policy it is given.
 */
export function withPolicies(routes: MiddlewareRoute[]): MiddlewareRoute[] {
  return routes.map((route) => {
    const permission = (route.middlewares ?? []).map((m) => middlewareMeta(m)?.permission).find(Boolean)
    return permission ? { ...route, policies: [policyOf(permission.split(" or ")[0])] } : route
  })
}
