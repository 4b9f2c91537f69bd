import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ACCOUNTING_MODULE } from "../../../../modules/accounting"
import type AccountingModuleService from "../../../../modules/accounting/service"
import { loadReferences } from "../../../utils/names"

const parse = (p: unknown): string[] => (typeof p === "string" ? JSON.parse(p) : ((p as string[]) ?? []))

/** Roles with who holds each (names resolved once for the page). */
export async function listRolesWithGrants(req: AuthenticatedMedusaRequest<any>, ids?: string[]) {
  const accounting = req.scope.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const roles = await accounting.listAccountingRoles(ids ? { id: ids } : {}, { order: { name: "ASC" } })
  const grants = roles.length
    ? await accounting.listAccountingRoleGrants(
        { role_id: roles.map((r) => r.id) },
        { order: { created_at: "ASC" } }
      )
    : []
  const refs = await loadReferences(req.scope, { user_ids: grants.flatMap((g) => [g.user_id, g.granted_by]) })
  return roles.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    permissions: parse(r.permissions),
    grants: grants
      .filter((g) => g.role_id === r.id)
      .map((g) => ({
        id: g.id,
        user: refs.user(g.user_id),
        granted_by: refs.user(g.granted_by),
        created_at: g.created_at,
      })),
    created_at: r.created_at,
    updated_at: r.updated_at,
  }))
}

export async function loadRoleWithGrants(req: AuthenticatedMedusaRequest<any>, id: string) {
  const [role] = await listRolesWithGrants(req, [id])
  if (!role) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Accounting role ${id} was not found`)
  }
  return role
}
