import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ACCOUNTING_PERMISSIONS } from "../../../../modules/accounting/rules/permissions"
import { accessOf } from "../../../utils/permissions"

/**
 * What the signed-in admin may do and why (the admin greys out the rest):
 * `bootstrap` while no role is granted yet (every admin holds everything).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const access = await accessOf(req)
  res.json({
    bootstrap: access.bootstrap,
    restricted: !access.bootstrap,
    roles: access.roles,
    permissions: access.permissions,
    all_permissions: ACCOUNTING_PERMISSIONS,
  })
}
