import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { createAccountingRoleWorkflow } from "../../../../workflows/access"
import { actorOf } from "../../../utils/actor"
import { listRolesWithGrants, loadRoleWithGrants } from "./helpers"
import type { AdminCreateAccountingRole } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const roles = await listRolesWithGrants(req)
  res.json({ roles, count: roles.length })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminCreateAccountingRole>>,
  res: MedusaResponse
) => {
  const { result } = await createAccountingRoleWorkflow(req.scope).run({
    input: { role: req.validatedBody, ...actorOf(req) },
  })
  res.json({ role: await loadRoleWithGrants(req, result.id) })
}
