import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refetchEntity } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { updateAccountWorkflow } from "../../../../../workflows/setup"
import type { AdminUpdateAccount } from "../validators"

async function load(req: AuthenticatedMedusaRequest<any>) {
  const account = await refetchEntity({
    entity: "accounting_account",
    idOrFilter: req.params.id,
    scope: req.scope,
    fields: req.queryConfig.fields,
  })
  if (!account) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Account ${req.params.id} was not found`)
  }
  return account
}

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ account: await load(req) })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminUpdateAccount>>,
  res: MedusaResponse
) => {
  await load(req)
  await updateAccountWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
  res.json({ account: await load(req) })
}
