import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { approveDocumentWorkflow } from "../../../../../workflows/approvals"
import { actorOf } from "../../../../utils/actor"
import { loadCustomerRefund } from "../../helpers"

/** Approves a draft above the approval threshold (a second user: never its creator). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await approveDocumentWorkflow(req.scope).run({
    input: { document_type: "customer_refund", id: req.params.id, ...actorOf(req) },
  })
  res.json({ customer_refund: await loadCustomerRefund(req) })
}
