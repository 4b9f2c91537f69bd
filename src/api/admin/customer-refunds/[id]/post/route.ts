import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { postCustomerRefundWorkflow } from "../../../../../workflows/customer-refunds"
import { actorOf } from "../../../../utils/actor"
import { idempotent } from "../../../../utils/idempotency"
import { loadCustomerRefund } from "../../helpers"

/** Posts a draft: checks the credits again, moves the money, books it. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await idempotent(req, res, async () => {
    await loadCustomerRefund(req)
    await postCustomerRefundWorkflow(req.scope).run({ input: { id: req.params.id, ...actorOf(req) } })
    return { body: { customer_refund: await loadCustomerRefund(req) } }
  })
}
