import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { postCustomerRefundWorkflow } from "../../../../../workflows/customer-refunds"
import { actorOf } from "../../../../utils/actor"
import { idempotent } from "../../../../utils/idempotency"
import { loadCustomerRefund, postedAnswer } from "../../helpers"

/**
 * Posts a draft: checks the credits again, moves the money, books it. 202
 * when the money moved and the booking is pending (completed by the retry job).
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await idempotent(req, res, async () => {
    await loadCustomerRefund(req)
    const { result } = await postCustomerRefundWorkflow(req.scope).run({
      input: { id: req.params.id, ...actorOf(req) },
    })
    return postedAnswer(result, await loadCustomerRefund(req))
  })
}
