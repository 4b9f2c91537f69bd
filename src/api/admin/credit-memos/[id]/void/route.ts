import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { voidCreditMemoWorkflow } from "../../../../../workflows/credit-memos"
import { actorOf } from "../../../../utils/actor"
import { assertCreditMemo, loadCreditMemo } from "../../helpers"
import type { AdminVoidCreditMemo } from "../../validators"

export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminVoidCreditMemo>>,
  res: MedusaResponse
) => {
  await assertCreditMemo(req)
  await voidCreditMemoWorkflow(req.scope).run({
    input: { id: req.params.id, date: req.validatedBody.date, ...actorOf(req) },
  })
  res.json({ credit_memo: await loadCreditMemo(req) })
}
