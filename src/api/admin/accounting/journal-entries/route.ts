import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refetchEntity } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { createJournalEntryWorkflow } from "../../../../workflows/journal"
import { actorOf } from "../../../utils/actor"
import type { AdminCreateJournalEntry } from "./validators"

/** Turns the API's filters into query filters (line filters via the lines relation). */
function entryFilters(params: Record<string, any>) {
  const { date_from, date_to, customer_id, order_id, account_id, q, ...rest } = params
  const filters: Record<string, any> = { ...rest }
  if (date_from || date_to) {
    filters.entry_date = { ...(date_from && { $gte: date_from }), ...(date_to && { $lte: date_to }) }
  }
  const lines = {
    ...(customer_id && { customer_id }),
    ...(order_id && { order_id }),
    ...(account_id && { account_id }),
  }
  if (Object.keys(lines).length) {
    filters.lines = lines
  }
  if (q) {
    filters.$or = [{ number: { $ilike: `%${q}%` } }, { memo: { $ilike: `%${q}%` } }]
  }
  return filters
}

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: journal_entries, metadata } = await query.graph({
    entity: "journal_entry",
    fields: req.queryConfig.fields,
    filters: entryFilters(req.filterableFields),
    pagination: req.queryConfig.pagination,
  })
  res.json({ journal_entries, count: metadata!.count, offset: metadata!.skip, limit: metadata!.take })
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
