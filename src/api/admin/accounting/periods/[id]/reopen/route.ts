import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reopenAccountingPeriodWorkflow } from "../../../../../../workflows/setup"
import { actorOf } from "../../../../../utils/actor"
import { refetchOr404 } from "../../../../../utils/refetch"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await reopenAccountingPeriodWorkflow(req.scope).run({ input: { id: req.params.id, ...actorOf(req) } })
  res.json({ period: await refetchOr404(req, "accounting_period", "Period") })
}
