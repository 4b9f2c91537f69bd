import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { createWriteOffWorkflow } from "../../../workflows/write-offs"
import { actorOf } from "../../utils/actor"
import { idempotent } from "../../utils/idempotency"
import { loadWriteOff, withNames } from "./helpers"
import type { AdminCreateWriteOff } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "write_off",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({
    write_offs: await withNames(req, data),
    count: metadata!.count,
    offset: metadata!.skip,
    limit: metadata!.take,
  })
}

/** Writes off (part of) what an order owes: Dr Bad Debt / Cr AR. */
export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminCreateWriteOff>>,
  res: MedusaResponse
) => {
  // A retried request with its Idempotency-Key returns the first write-off instead of a second one.
  await idempotent(req, res, async () => {
    const { result: id } = await createWriteOffWorkflow(req.scope).run({
      input: { write_off: req.validatedBody, ...actorOf(req) },
    })
    return { body: { write_off: await loadWriteOff(req, id) } }
  })
}
