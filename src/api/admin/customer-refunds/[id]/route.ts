import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import {
  deleteCustomerRefundWorkflow,
  updateCustomerRefundWorkflow,
} from "../../../../workflows/customer-refunds"
import { actorOf } from "../../../utils/actor"
import { loadCustomerRefund } from "../helpers"
import type { AdminUpdateCustomerRefund } from "../validators"
import type { AdminCustomerRefundDeleteResponse, AdminCustomerRefundResponse } from "../../../../types/http"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminCustomerRefundResponse>
) => {
  res.json({ customer_refund: await loadCustomerRefund(req) })
}

/** Edits a draft; a posted refund answers 409 IMMUTABLE. */
export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminUpdateCustomerRefund>>,
  res: MedusaResponse<AdminCustomerRefundResponse>
) => {
  await loadCustomerRefund(req)
  await updateCustomerRefundWorkflow(req.scope).run({
    input: { id: req.params.id, update: req.validatedBody, ...actorOf(req) },
  })
  res.json({ customer_refund: await loadCustomerRefund(req) })
}

/** Deletes a draft; a posted refund answers 409 IMMUTABLE (void it instead). */
export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminCustomerRefundDeleteResponse>
) => {
  await loadCustomerRefund(req)
  await deleteCustomerRefundWorkflow(req.scope).run({ input: { id: req.params.id, ...actorOf(req) } })
  res.json({ id: req.params.id, object: "customer_refund", deleted: true })
}
