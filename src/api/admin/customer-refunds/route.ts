import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import {
  createAndPostCustomerRefundWorkflow,
  createCustomerRefundWorkflow,
} from "../../../workflows/customer-refunds"
import { actorOf } from "../../utils/actor"
import { idempotent } from "../../utils/idempotency"
import { assertPermission } from "../../utils/permissions"
import { loadCustomerRefund, postedAnswer, withCustomers } from "./helpers"
import type { AdminCreateCustomerRefund } from "./validators"
import type { PostedRefund } from "../../../types/http"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: customer_refunds, metadata } = await query.graph({
    entity: "customer_refund",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({
    customer_refunds: await withCustomers(req, customer_refunds),
    count: metadata!.count,
    offset: metadata!.skip,
    limit: metadata!.take,
  })
}

/**
 * Creates a draft refund, and posts it at once with `post: true`.
 * Idempotency-Key makes a retried request return the first answer.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminCreateCustomerRefund>>,
  res: MedusaResponse<PostedRefund>
) => {
  await idempotent(req, res, async () => {
    const { post, ...refund } = req.validatedBody
    if (!post) {
      const { result: id } = await createCustomerRefundWorkflow(req.scope).run({
        input: { refund, ...actorOf(req) },
      })
      return { body: { customer_refund: await loadCustomerRefund(req, id) } }
    }
    await assertPermission(req, "customer_refunds:post")
    const { result } = await createAndPostCustomerRefundWorkflow(req.scope).run({
      input: { refund, ...actorOf(req) },
    })
    return postedAnswer(result, await loadCustomerRefund(req, result.id))
  })
}
