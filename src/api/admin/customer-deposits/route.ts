import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCustomerDepositResponse } from "../../../types/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { recordCustomerDepositWorkflow } from "../../../workflows/customer-deposits"
import { actorOf } from "../../utils/actor"
import { idempotent } from "../../utils/idempotency"
import { loadDeposit, withActivity } from "./helpers"
import type { AdminCreateDeposit } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "customer_deposit",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({
    deposits: await withActivity(req, data),
    count: metadata!.count,
    offset: metadata!.skip,
    limit: metadata!.take,
  })
}

/**
 * Records and posts a deposit taken before an order. Idempotency-Key makes
 * a retried request return the first answer (the money is recorded once).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminCreateDeposit>>,
  res: MedusaResponse<AdminCustomerDepositResponse>
) => {
  await idempotent(req, res, async () => {
    const { date, ...deposit } = req.validatedBody
    const { result } = await recordCustomerDepositWorkflow(req.scope).run({
      input: { deposit: { ...deposit, deposit_date: date }, ...actorOf(req) },
    })
    return { body: { deposit: await loadDeposit(req, result.id) } }
  })
}
