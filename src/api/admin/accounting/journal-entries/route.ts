import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refetchEntity } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { createJournalEntryWorkflow } from "../../../../workflows/journal"
import { actorOf } from "../../../utils/actor"
import { entryIdsOfOrder, orderIdByDisplayId, withEntryContext } from "./entry-context"
import type { AdminCreateJournalEntry } from "./validators"

/** Line filters go through the lines relation; an order narrows to its entries. */
function entryFilters(params: Record<string, any>, orderEntryIds: string[] | null) {
  const { customer_id, account_id, ...filters } = params
  if (orderEntryIds) {
    filters.id = orderEntryIds
  }
  const lines = {
    ...(customer_id && { customer_id }),
    ...(account_id && { account_id }),
  }
  if (Object.keys(lines).length) {
    filters.lines = lines
  }
  return filters
}

/**
 * Entries with their amount, customer and order by name. `order_id` (or
 * `order_display_id`) finds the order's own entries and those of the credit
 * memos and refunds that touch it.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { order_id, order_display_id, ...params } = req.filterableFields as Record<string, any>
  const orderId = order_display_id ? await orderIdByDisplayId(req.scope, order_display_id) : order_id
  const orderEntryIds =
    order_id || order_display_id
      ? orderId
        ? await entryIdsOfOrder(req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION), orderId)
        : []
      : null
  const { data, metadata } = await query.graph({
    entity: "journal_entry",
    fields: req.queryConfig.fields,
    filters: entryFilters(params, orderEntryIds),
    pagination: req.queryConfig.pagination,
  })
  res.json({
    journal_entries: await withEntryContext(req.scope, data),
    count: metadata!.count,
    offset: metadata!.skip,
    limit: metadata!.take,
  })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminCreateJournalEntry>>,
  res: MedusaResponse
) => {
  const { result } = await createJournalEntryWorkflow(req.scope).run({
    input: { ...req.validatedBody, ...actorOf(req) },
  })
  const journal_entry = await refetchEntity({
    entity: "journal_entry",
    idOrFilter: result.id,
    scope: req.scope,
    fields: req.queryConfig.fields,
  })
  res.json({ journal_entry })
}
