import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { applyCustomerCreditWorkflow } from "../../../../../workflows/customer-credits"
import { openOrdersOf } from "../../../../../modules/accounting/ar/open-orders"
import { ACCOUNTING_MODULE } from "../../../../../modules/accounting"
import type AccountingModuleService from "../../../../../modules/accounting/service"
import { actorOf } from "../../../../utils/actor"
import type { AdminApplyCustomerCredit } from "./validators"

/** The customer's open orders beside its credits: what the "Apply credits" page shows. */
export async function openItems(req: AuthenticatedMedusaRequest<any>, customerId: string) {
  const knex = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const [open_orders, credits] = await Promise.all([
    openOrdersOf(knex, customerId),
    req.scope.resolve<AccountingModuleService>(ACCOUNTING_MODULE).listAvailableArCredits(customerId),
  ])
  return { open_orders, credits }
}

/** Open orders beside open credits, every currency (the credits' `ar_document_id` is what POST takes). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await openItems(req, req.params.id))
}

/** Applies one open credit of the customer to one of its open orders. */
export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminApplyCustomerCredit>>,
  res: MedusaResponse
) => {
  const { result: application_id } = await applyCustomerCreditWorkflow(req.scope).run({
    input: { customer_id: req.params.id, ...req.validatedBody, ...actorOf(req) },
  })
  res.json({ application_id, ...(await openItems(req, req.params.id)) })
}
