import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ACCOUNTING_PERMISSIONS, grants, permissionsOf } from "../../../utils/permissions"

/** What the signed-in admin may do (the admin greys out the rest). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const granted = await permissionsOf(req)
  res.json({
    restricted: granted !== null,
    permissions: ACCOUNTING_PERMISSIONS.filter((p) => grants(granted, p)),
  })
}
