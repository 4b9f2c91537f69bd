import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCustomerDepositApplicationResponse } from "../../../../../types/http"
import type { z } from "@medusajs/framework/zod"
import { applyCustomerDepositWorkflow } from "../../../../../workflows/customer-deposits"
import { actorOf } from "../../../../utils/actor"
import { idempotent } from "../../../../utils/idempotency"
import { refetchOr404 } from "../../../../utils/refetch"
import { loadDeposit } from "../../helpers"
import type { AdminApplyDeposit } from "../../validators"

/**
 * Applies part of a deposit to an open order of the same customer and
 * currency. Idempotency-Key: a retry applies it once.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminApplyDeposit>>,
  res: MedusaResponse<AdminCustomerDepositApplicationResponse>
) => {
  await refetchOr404(req, "customer_deposit", "Deposit")
  await idempotent(req, res, async () => {
    const { result } = await applyCustomerDepositWorkflow(req.scope).run({
      input: { id: req.params.id, ...req.validatedBody, ...actorOf(req) },
    })
    return { body: { deposit: await loadDeposit(req), application_id: result.application_id } }
  })
}
