import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { loadReferences } from "../../../../utils/names"
import { openOrdersOf } from "./open-orders"
import type { AdminOpenOrdersResponse } from "../../../../../types/http"

/**
 * The customer's orders that still owe something (number, date, due date,
 * open amount): what a credit memo can be applied to.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, { currency_code?: string }>,
  res: MedusaResponse<AdminOpenOrdersResponse>
) => {
  const currency = req.validatedQuery?.currency_code
  const knex = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const rows = await openOrdersOf(knex, req.params.id, currency)
  const refs = await loadReferences(req.scope, { order_ids: rows.map((r) => r.order_id) })
  const open_orders = rows.map((r) => ({ ...r, display_id: refs.order(r.order_id)?.display_id ?? null }))
  res.json({ open_orders, count: open_orders.length })
}
