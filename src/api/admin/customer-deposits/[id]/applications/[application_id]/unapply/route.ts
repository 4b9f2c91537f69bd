import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCustomerDepositResponse } from "../../../../../../../types/http"
import type { z } from "@medusajs/framework/zod"
import { unapplyCustomerDepositWorkflow } from "../../../../../../../workflows/customer-deposits"
import { actorOf } from "../../../../../../utils/actor"
import { refetchOr404 } from "../../../../../../utils/refetch"
import { loadDeposit } from "../../../../helpers"
import type { AdminUnapplyDeposit } from "../../../../validators"

/** Takes an application back: the order owes again, the deposit holds the amount again. */
export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminUnapplyDeposit>>,
  res: MedusaResponse<AdminCustomerDepositResponse>
) => {
  await refetchOr404(req, "customer_deposit", "Deposit")
  await unapplyCustomerDepositWorkflow(req.scope).run({
    input: { id: req.params.id, application_id: req.params.application_id, ...req.validatedBody, ...actorOf(req) },
  })
  res.json({ deposit: await loadDeposit(req) })
}
