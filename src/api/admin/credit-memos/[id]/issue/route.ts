import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { issueCreditMemoWorkflow } from "../../../../../workflows/credit-memos"
import { actorOf } from "../../../../utils/actor"
import { assertCreditMemo, loadCreditMemo } from "../../helpers"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await assertCreditMemo(req)
  await issueCreditMemoWorkflow(req.scope).run({ input: { id: req.params.id, ...actorOf(req) } })
  res.json({ credit_memo: await loadCreditMemo(req) })
}
