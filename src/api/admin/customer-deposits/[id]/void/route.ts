import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCustomerDepositResponse } from "../../../../../types/http"
import type { z } from "@medusajs/framework/zod"
import { voidCustomerDepositWorkflow } from "../../../../../workflows/customer-deposits"
import { actorOf } from "../../../../utils/actor"
import { refetchOr404 } from "../../../../utils/refetch"
import { loadDeposit } from "../../helpers"
import type { AdminVoidDeposit } from "../../validators"

/** Voids a deposit nothing was applied from or refunded (mirror entry on the void date). */
export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminVoidDeposit>>,
  res: MedusaResponse<AdminCustomerDepositResponse>
) => {
  await refetchOr404(req, "customer_deposit", "Deposit")
  await voidCustomerDepositWorkflow(req.scope).run({
    input: { id: req.params.id, ...req.validatedBody, ...actorOf(req) },
  })
  res.json({ deposit: await loadDeposit(req) })
}
