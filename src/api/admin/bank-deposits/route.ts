import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { depositListDetails } from "../../../lib/list-counts"
import { postBankDepositWorkflow } from "../../../workflows/bank-deposits"
import { actorOf } from "../../utils/actor"
import { refetchOr404 } from "../../utils/refetch"
import type { AdminCreateBankDeposit } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { data: bank_deposits, metadata } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "bank_deposit",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  const details = await depositListDetails(req.scope, bank_deposits)
  res.json({
    bank_deposits: bank_deposits.map((d) => ({ ...d, ...details.get(d.id) })),
    count: metadata!.count,
    offset: metadata!.skip,
    limit: metadata!.take,
  })
}

/** Posts a deposit slip of receipts picked from Undeposited Funds. */
export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminCreateBankDeposit>>,
  res: MedusaResponse
) => {
  const { result } = await postBankDepositWorkflow(req.scope).run({
    input: { deposit: req.validatedBody, ...actorOf(req) },
  })
  res.json({ bank_deposit: await refetchOr404(req, "bank_deposit", "Bank deposit", result.id) })
}
