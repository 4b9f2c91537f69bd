import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCustomerDepositRefundResponse } from "../../../../../types/http"
import type { z } from "@medusajs/framework/zod"
import { refundCustomerDepositWorkflow } from "../../../../../workflows/customer-deposits"
import { actorOf } from "../../../../utils/actor"
import { idempotent } from "../../../../utils/idempotency"
import { refetchOr404 } from "../../../../utils/refetch"
import { loadDeposit } from "../../helpers"
import type { AdminRefundDeposit } from "../../validators"

/** Pays back (part of) what remains of a deposit. Idempotency-Key: a retry pays once. */
export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminRefundDeposit>>,
  res: MedusaResponse<AdminCustomerDepositRefundResponse>
) => {
  await refetchOr404(req, "customer_deposit", "Deposit")
  await idempotent(req, res, async () => {
    const { result } = await refundCustomerDepositWorkflow(req.scope).run({
      input: { id: req.params.id, ...req.validatedBody, ...actorOf(req) },
    })
    return { body: { deposit: await loadDeposit(req), refund_id: result.refund_id } }
  })
}
