import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { deleteCreditMemoWorkflow, updateCreditMemoWorkflow } from "../../../../workflows/credit-memos"
import { actorOf } from "../../../utils/actor"
import { assertCreditMemo, loadCreditMemo } from "../helpers"
import type { AdminUpdateCreditMemo } from "../validators"
import type { AdminCreditMemoDeleteResponse, AdminCreditMemoResponse } from "../../../../types/http"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCreditMemoResponse>) => {
  res.json({ credit_memo: await loadCreditMemo(req) })
}

/** Edits a draft; an issued or voided memo answers 409 IMMUTABLE. */
export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminUpdateCreditMemo>>,
  res: MedusaResponse<AdminCreditMemoResponse>
) => {
  await assertCreditMemo(req)
  const { date, ...update } = req.validatedBody
  await updateCreditMemoWorkflow(req.scope).run({
    input: { id: req.params.id, update: { ...update, ...(date && { memo_date: date }) }, ...actorOf(req) },
  })
  res.json({ credit_memo: await loadCreditMemo(req) })
}

/** Discards a draft; an issued or voided memo answers 409 IMMUTABLE (void it instead). */
export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminCreditMemoDeleteResponse>
) => {
  await assertCreditMemo(req)
  await deleteCreditMemoWorkflow(req.scope).run({ input: { id: req.params.id, ...actorOf(req) } })
  res.json({ id: req.params.id, object: "credit_memo", deleted: true })
}
