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
 * policy it is given. A route with two requirePermission middlewares (a
 * goodwill refund issues a memo and posts a refund) declares both.
 */
export function withPolicies(routes: MiddlewareRoute[]): MiddlewareRoute[] {
  return routes.map((route) => {
    const permissions = (route.middlewares ?? [])
      .map((m) => middlewareMeta(m)?.permission)
      .filter((p): p is string => !!p)
    return permissions.length
      ? { ...route, policies: permissions.map((p) => policyOf(p.split(" or ")[0])) }
      : route
  })
}
