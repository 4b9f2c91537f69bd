import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { unapplyCustomerCreditWorkflow } from "../../../../../../workflows/customer-credits"
import { actorOf } from "../../../../../utils/actor"
import { openItems } from "../route"

/** Unapplies one application batch of a customer's credit on `?date=`. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { date } = req.validatedQuery as { date: string }
  await unapplyCustomerCreditWorkflow(req.scope).run({
    input: { customer_id: req.params.id, application_id: req.params.application_id, date, ...actorOf(req) },
  })
  res.json({ application_id: req.params.application_id, ...(await openItems(req, req.params.id)) })
}
