import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { createAndIssueCreditMemoWorkflow, createCreditMemoWorkflow } from "../../../workflows/credit-memos"
import { actorOf } from "../../utils/actor"
import { assertPermission } from "../../utils/permissions"
import { loadCreditMemo, withBalances } from "./helpers"
import type { AdminCreateCreditMemo } from "./validators"
import type { AdminCreditMemoResponse } from "../../../types/http"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "credit_memo",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({
    credit_memos: await withBalances(req, data),
    count: metadata!.count,
    offset: metadata!.skip,
    limit: metadata!.take,
  })
}

/** Creates a draft, or with `issue: true` creates and issues it in one workflow (nothing left on a refusal). */
export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminCreateCreditMemo>>,
  res: MedusaResponse<AdminCreditMemoResponse>
) => {
  const { date, issue, ...memo } = req.validatedBody
  if (issue) {
    await assertPermission(req, "credit_memos:issue")
  }
  const workflow = issue ? createAndIssueCreditMemoWorkflow : createCreditMemoWorkflow
  const { result: id } = await workflow(req.scope).run({
    input: { memo: { ...memo, memo_date: date }, ...actorOf(req) },
  })
  res.json({ credit_memo: await loadCreditMemo(req, id) })
}
