import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { revokeAccountingRoleGrantWorkflow } from "../../../../../workflows/access"
import { actorOf } from "../../../../utils/actor"

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await revokeAccountingRoleGrantWorkflow(req.scope).run({ input: { id: req.params.id, ...actorOf(req) } })
  res.json({ id: req.params.id, object: "accounting_role_grant", deleted: true })
}
