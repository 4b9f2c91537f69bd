import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { payoutLineCounts } from "../../../lib/list-counts"
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
  const counts = await payoutLineCounts(req.scope, payouts.map((p) => p.id))
  res.json({
    payouts: payouts.map((p) => ({ ...p, line_counts: counts.get(p.id) ?? { matched: 0, unmatched: 0 } })),
    count: metadata!.count,
    offset: metadata!.skip,
    limit: metadata!.take,
  })
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
