import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { rejectDocumentWorkflow } from "../../../../../workflows/approvals"
import { actorOf } from "../../../../utils/actor"
import type { AdminRejectDocument } from "../../../accounting/approvals/validators"
import { loadCustomerRefund } from "../../helpers"

/** Sends a draft awaiting approval back to its creator with the reason. */
export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminRejectDocument>>,
  res: MedusaResponse
) => {
  await rejectDocumentWorkflow(req.scope).run({
    input: {
      document_type: "customer_refund",
      id: req.params.id,
      reason: req.validatedBody.reason,
      ...actorOf(req),
    },
  })
  res.json({ customer_refund: await loadCustomerRefund(req) })
}
