import { actorOf } from "../../../utils/actor"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refetchEntity } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { createAccountsWorkflow } from "../../../../workflows/setup"
import type { AdminCreateAccount } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: accounts, metadata } = await query.graph({
    entity: "accounting_account",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({ accounts, count: metadata!.count, offset: metadata!.skip, limit: metadata!.take })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminCreateAccount>>,
  res: MedusaResponse
) => {
  const { result } = await createAccountsWorkflow(req.scope).run({
    input: { accounts: [req.validatedBody], ...actorOf(req) },
  })
  const account = await refetchEntity({
    entity: "accounting_account",
    idOrFilter: result[0].id,
    scope: req.scope,
    fields: req.queryConfig.fields,
  })
  res.status(200).json({ account })
}
