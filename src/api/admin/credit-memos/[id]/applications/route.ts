import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { applyCreditWorkflow } from "../../../../../workflows/credit-memos"
import { actorOf } from "../../../../utils/actor"
import { assertCreditMemo, loadCreditMemo } from "../../helpers"
import type { AdminApplyCreditMemo } from "../../validators"

/** Applies part of the memo to an open order: { order_id, amount, date }. */
export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminApplyCreditMemo>>,
  res: MedusaResponse
) => {
  await assertCreditMemo(req)
  const { result: applicationId } = await applyCreditWorkflow(req.scope).run({
    input: { credit_memo_id: req.params.id, ...req.validatedBody, ...actorOf(req) },
  })
  res.json({ application_id: applicationId, credit_memo: await loadCreditMemo(req) })
}
