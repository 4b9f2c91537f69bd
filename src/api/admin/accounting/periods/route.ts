import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refetchEntity } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { createAccountingPeriodWorkflow } from "../../../../workflows/setup"
import { actorOf } from "../../../utils/actor"
import { withHistory } from "./helpers"
import type { AdminCreatePeriod } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: periods, metadata } = await query.graph({
    entity: "accounting_period",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({
    periods: await withHistory(req, periods),
    count: metadata!.count,
    offset: metadata!.skip,
    limit: metadata!.take,
  })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminCreatePeriod>>,
  res: MedusaResponse
) => {
  const { result } = await createAccountingPeriodWorkflow(req.scope).run({
    input: { ...req.validatedBody, ...actorOf(req) },
  })
  const period = await refetchEntity({
    entity: "accounting_period",
    idOrFilter: result.id,
    scope: req.scope,
    fields: req.queryConfig.fields,
  })
  res.json({ period })
}
