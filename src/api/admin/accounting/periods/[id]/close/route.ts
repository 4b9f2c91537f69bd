import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refetchEntity } from "@medusajs/framework/http"
import { closeAccountingPeriodWorkflow } from "../../../../../../workflows/setup"
import { actorOf } from "../../../../../utils/actor"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await closeAccountingPeriodWorkflow(req.scope).run({ input: { id: req.params.id, ...actorOf(req) } })
  const period = await refetchEntity({
    entity: "accounting_period",
    idOrFilter: req.params.id,
    scope: req.scope,
    fields: req.queryConfig.fields,
  })
  res.json({ period })
}
