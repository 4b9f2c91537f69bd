import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ACCOUNTING_MODULE } from "../../modules/accounting"
import type { Access } from "../../modules/accounting/access/roles"
import type AccountingModuleService from "../../modules/accounting/service"
import { AccountingPermission, grants } from "../../modules/accounting/rules/permissions"
import { describeMiddleware } from "./openapi-meta"

export { ACCOUNTING_PERMISSIONS, grants } from "../../modules/accounting/rules/permissions"
export type { AccountingPermission } from "../../modules/accounting/rules/permissions"

const ACCESS = Symbol("accounting-access")

/**
 * The signed-in user's accounting access, read from the plugin's roles tables
 * (never from user metadata, which users may write). Kept on the request
 * only: a revoked grant takes effect on the next request, on every instance.
 */
export async function accessOf(req: AuthenticatedMedusaRequest<any>): Promise<Access> {
  const cached = (req as unknown as Record<symbol, Access | undefined>)[ACCESS]
  if (cached) {
    return cached
  }
  const userId = req.auth_context?.actor_type === "user" ? req.auth_context.actor_id : null
  const access = await req.scope.resolve<AccountingModuleService>(ACCOUNTING_MODULE).getAccess(userId)
  ;(req as unknown as Record<symbol, Access>)[ACCESS] = access
  return access
}

export async function holds(req: AuthenticatedMedusaRequest<any>, permission: AccountingPermission) {
  return grants((await accessOf(req)).permissions, permission)
}

function denied(permissions: AccountingPermission[], access: Access) {
  const why = access.roles.length
    ? `your roles (${access.roles.map((r) => r.name).join(", ")}) do not include it`
    : "you hold no accounting role; ask an accounting access manager"
  return new MedusaError(
    MedusaError.Types.FORBIDDEN,
    `This needs the accounting permission ${permissions.join(" or ")}: ${why}`,
    "PERMISSION_DENIED"
  )
}

/** Refuses (403, naming the missing permission) unless the user holds one of `permissions`. */
export async function assertPermission(
  req: AuthenticatedMedusaRequest<any>,
  ...permissions: [AccountingPermission, ...AccountingPermission[]]
) {
  const access = await accessOf(req)
  if (!permissions.some((p) => grants(access.permissions, p))) {
    throw denied(permissions, access)
  }
}

/** Route middleware: 403 naming the missing permission (any one of `permissions` suffices). */
export function requirePermission(...permissions: [AccountingPermission, ...AccountingPermission[]]) {
  return describeMiddleware(
    async (req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
      try {
        await assertPermission(req, ...permissions)
        next()
      } catch (e) {
        next(e)
      }
    },
    { permission: permissions.join(" or ") }
  )
}
