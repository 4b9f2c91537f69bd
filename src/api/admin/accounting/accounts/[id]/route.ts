import { actorOf } from "../../../../utils/actor"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { updateAccountWorkflow } from "../../../../../workflows/setup"
import { refetchOr404 } from "../../../../utils/refetch"
import type { AdminUpdateAccount } from "../validators"

const load = (req: AuthenticatedMedusaRequest<any>) => refetchOr404(req, "accounting_account", "Account")

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ account: await load(req) })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminUpdateAccount>>,
  res: MedusaResponse
) => {
  await load(req)
  await updateAccountWorkflow(req.scope).run({
    input: { id: req.params.id, ...req.validatedBody, ...actorOf(req) },
  })
  res.json({ account: await load(req) })
}
