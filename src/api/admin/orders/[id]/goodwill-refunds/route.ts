import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import type { AdminGoodwillRefundResponse } from "../../../../../types/http"
import { goodwillRefundWorkflow } from "../../../../../workflows/goodwill-refunds"
import { loadCreditMemo } from "../../../credit-memos/helpers"
import { loadCustomerRefund } from "../../../customer-refunds/helpers"
import { creditMemoFields } from "../../../credit-memos/query-config"
import { customerRefundFields } from "../../../customer-refunds/query-config"
import { actorOf } from "../../../../utils/actor"
import { idempotent } from "../../../../utils/idempotency"
import type { AdminCreateGoodwillRefund } from "./validators"

/**
 * A goodwill refund in one step: an allowance memo issued against the order
 * and a refund drawing on it, posted (goodwillRefundWorkflow). 200 with both,
 * or 202 when the money moved and the refund's booking is pending.
 * Idempotency-Key: a retried request gets the first answer (posts once).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminCreateGoodwillRefund>>,
  res: MedusaResponse<AdminGoodwillRefundResponse>
) => {
  await idempotent(req, res, async () => {
    const { result } = await goodwillRefundWorkflow(req.scope).run({
      input: { goodwill: { ...req.validatedBody, order_id: req.params.id }, ...actorOf(req) },
    })
    // Two resources in one answer, each refetched with its own default fields.
    req.queryConfig = { ...req.queryConfig, fields: creditMemoFields }
    const credit_memo = await loadCreditMemo(req, result.credit_memo_id)
    req.queryConfig = { ...req.queryConfig, fields: customerRefundFields }
    const customer_refund = await loadCustomerRefund(req, result.customer_refund_id)
    return result.posted
      ? { body: { credit_memo, customer_refund } }
      : { status: 202, body: { credit_memo, customer_refund, posting_error: result.error } }
  })
}
