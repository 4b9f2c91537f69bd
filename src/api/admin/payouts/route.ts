import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { postPayoutsWorkflow } from "../../../workflows/payouts"
import { actorOf } from "../../utils/actor"
import type { AdminCreatePayouts } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { data: payouts, metadata } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "payout",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({ payouts, count: metadata!.count, offset: metadata!.skip, limit: metadata!.take })
}

/** Posts payouts sent as JSON (each once per provider + payout id). */
export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminCreatePayouts>>,
  res: MedusaResponse
) => {
  const { result } = await postPayoutsWorkflow(req.scope).run({
    input: {
      payouts: req.validatedBody.payouts.map((p) => ({
        ...p,
        lines: p.lines.map((l) => ({ ...l, reporting_category: l.reporting_category ?? "charge" })),
      })),
      source: "api",
      ...actorOf(req),
    },
  })
  res.json({ payouts: result })
}
