import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { describeMiddleware } from "./openapi-meta"

/**
 * The plugin's separation of duties (Sage Intacct's List / View / Add / Post /
 * Void on customer refunds, and the same idea for the rest). An admin user
 * whose metadata has no `accounting_permissions` may do everything (the
 * store owner, and every store that has not set anything up); one that has
 * a list may do only what it names ("customer_refunds:*" for all refund rights).
 */
export const ACCOUNTING_PERMISSIONS = [
  "customer_refunds:list",
  "customer_refunds:view",
  "customer_refunds:add",
  "customer_refunds:post",
  "customer_refunds:void",
  "credit_memos:list",
  "credit_memos:view",
  "credit_memos:add",
  "credit_memos:issue",
  "credit_memos:apply",
  "credit_memos:void",
  "journal:view",
  "journal:add",
  "journal:post",
  "journal:reverse",
  "periods:manage",
  "settings:manage",
  "reports:view",
  "payouts:list",
  "payouts:import",
  "payouts:post",
] as const
export type AccountingPermission = (typeof ACCOUNTING_PERMISSIONS)[number]

export function grants(granted: string[] | null, permission: AccountingPermission): boolean {
  if (!granted) {
    return true
  }
  const [resource] = permission.split(":")
  return granted.includes(permission) || granted.includes(`${resource}:*`) || granted.includes("*")
}

/** The user's accounting permissions, or null for "everything". */
export async function permissionsOf(req: AuthenticatedMedusaRequest<any>): Promise<string[] | null> {
  if ((req as any).accountingPermissions !== undefined) {
    return (req as any).accountingPermissions
  }
  let granted: string[] | null = null
  const actorId = req.auth_context?.actor_id
  if (actorId && req.auth_context?.actor_type === "user") {
    const [user] = await req.scope
      .resolve(Modules.USER)
      .listUsers({ id: actorId }, { select: ["id", "metadata"] })
    const list = user?.metadata?.accounting_permissions
    granted = Array.isArray(list) ? list.map(String) : null
  }
  ;(req as any).accountingPermissions = granted
  return granted
}

/** Refuses (403, naming the missing permission) unless the user holds `permission`. */
export async function assertPermission(req: AuthenticatedMedusaRequest, permission: AccountingPermission) {
  if (!grants(await permissionsOf(req), permission)) {
    throw new MedusaError(
      MedusaError.Types.FORBIDDEN,
      `This needs the accounting permission ${permission}`,
      "PERMISSION_DENIED"
    )
  }
}

/** Route middleware: 403 naming the missing permission. */
export function requirePermission(permission: AccountingPermission) {
  return describeMiddleware(
    async (req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
      try {
        await assertPermission(req, permission)
        next()
      } catch (e) {
        next(e)
      }
    },
    { permission }
  )
}
