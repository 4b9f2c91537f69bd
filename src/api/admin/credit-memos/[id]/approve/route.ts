import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { approveDocumentWorkflow } from "../../../../../workflows/approvals"
import { actorOf } from "../../../../utils/actor"
import { loadCreditMemo } from "../../helpers"

/** Approves a draft above the approval threshold (a second user: never its creator). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await approveDocumentWorkflow(req.scope).run({
    input: { document_type: "credit_memo", id: req.params.id, ...actorOf(req) },
  })
  res.json({ credit_memo: await loadCreditMemo(req) })
}
