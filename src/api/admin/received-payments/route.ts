import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { recordReceivedPaymentWorkflow } from "../../../workflows/received-payments"
import { actorOf } from "../../utils/actor"
import { idempotent } from "../../utils/idempotency"
import { loadPayment, withApplications } from "./helpers"
import type { AdminCreatePayment } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "received_payment",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({
    payments: await withApplications(req, data),
    count: metadata!.count,
    offset: metadata!.skip,
    limit: metadata!.take,
  })
}

/**
 * Records and posts a payment received outside Medusa, allocated to open
 * orders. Idempotency-Key makes a retried request return the first answer
 * (a retry must not record the money twice).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminCreatePayment>>,
  res: MedusaResponse
) => {
  await idempotent(req, res, async () => {
    const { date, ...payment } = req.validatedBody
    const { result } = await recordReceivedPaymentWorkflow(req.scope).run({
      input: { payment: { ...payment, payment_date: date }, ...actorOf(req) },
    })
    return { body: { payment: await loadPayment(req, result.id), application_id: result.application_id } }
  })
}
