import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { deleteAccountingRoleWorkflow, updateAccountingRoleWorkflow } from "../../../../../workflows/access"
import { actorOf } from "../../../../utils/actor"
import { loadRoleWithGrants } from "../helpers"
import type { AdminUpdateAccountingRole } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ role: await loadRoleWithGrants(req, req.params.id) })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminUpdateAccountingRole>>,
  res: MedusaResponse
) => {
  await updateAccountingRoleWorkflow(req.scope).run({
    input: { id: req.params.id, update: req.validatedBody, ...actorOf(req) },
  })
  res.json({ role: await loadRoleWithGrants(req, req.params.id) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteAccountingRoleWorkflow(req.scope).run({ input: { id: req.params.id, ...actorOf(req) } })
  res.json({ id: req.params.id, object: "accounting_role", deleted: true })
}
