import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { closeAccountingPeriodWorkflow } from "../../../../../../workflows/setup"
import { actorOf } from "../../../../../utils/actor"
import { loadPeriod } from "../../helpers"
import type { AdminClosePeriod } from "../../validators"

/** Closes the period once its checklist is clear (or forced); `reason` goes to the audit trail. */
export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminClosePeriod>>,
  res: MedusaResponse
) => {
  await closeAccountingPeriodWorkflow(req.scope).run({
    input: {
      id: req.params.id,
      reason: req.validatedBody?.reason,
      force: req.validatedBody?.force,
      ...actorOf(req),
    },
  })
  res.json({ period: await loadPeriod(req) })
}
