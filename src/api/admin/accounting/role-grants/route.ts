import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { grantAccountingRoleWorkflow } from "../../../../workflows/access"
import { actorOf } from "../../../utils/actor"
import { loadRoleWithGrants } from "../roles/helpers"
import type { AdminGrantAccountingRole } from "../roles/validators"

/** Grants a role to an admin user; answers with the role and everyone holding it. */
export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminGrantAccountingRole>>,
  res: MedusaResponse
) => {
  const [user] = await req.scope
    .resolve(Modules.USER)
    .listUsers({ id: req.validatedBody.user_id }, { select: ["id"] })
  if (!user) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Admin user ${req.validatedBody.user_id} was not found`
    )
  }
  const { result } = await grantAccountingRoleWorkflow(req.scope).run({
    input: { ...req.validatedBody, ...actorOf(req) },
  })
  res.json({ role_grant: result, role: await loadRoleWithGrants(req, result.role_id) })
}
