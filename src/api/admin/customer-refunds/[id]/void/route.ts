import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { voidCustomerRefundWorkflow } from "../../../../../workflows/customer-refunds"
import { actorOf } from "../../../../utils/actor"
import { loadCustomerRefund } from "../../helpers"
import type { AdminVoidCustomerRefund } from "../../validators"

/** Voids a posted refund on { date } (record_only for money that already left). */
export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminVoidCustomerRefund>>,
  res: MedusaResponse
) => {
  await loadCustomerRefund(req)
  await voidCustomerRefundWorkflow(req.scope).run({
    input: { id: req.params.id, ...req.validatedBody, ...actorOf(req) },
  })
  res.json({ customer_refund: await loadCustomerRefund(req) })
}
