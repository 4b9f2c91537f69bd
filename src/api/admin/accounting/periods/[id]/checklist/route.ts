import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { buildPeriodChecklist } from "../../../../../../workflows/setup"

/** The close checklist of a period: each item, whether it blocks the close, and what it lists. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ checklist: await buildPeriodChecklist(req.scope, req.params.id) })
}
