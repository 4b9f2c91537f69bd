import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { loadReferences } from "../../../utils/names"

/**
 * Postings from store activity that failed and wait for a retry (or were
 * resolved), each with `source` naming what failed the way the admin shows
 * it: an order by number, a refund by its number.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: posting_errors, metadata } = await query.graph({
    entity: "posting_error",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  const ids = (type: string) =>
    posting_errors.filter((e) => e.source_type === type).map((e) => e.source_id as string)
  const refundIds = ids("customer_refund")
  const [refs, refunds] = await Promise.all([
    loadReferences(req.scope, { order_ids: ids("order") }),
    refundIds.length
      ? query.graph({ entity: "customer_refund", fields: ["id", "number"], filters: { id: refundIds } })
      : { data: [] },
  ])
  const refundNumber = new Map(
    (refunds.data as { id: string; number: string | null }[]).map((r) => [r.id, r.number])
  )
  res.json({
    posting_errors: posting_errors.map((e) => ({
      ...e,
      source: {
        order: e.source_type === "order" ? refs.order(e.source_id) : null,
        number: e.source_type === "customer_refund" ? (refundNumber.get(e.source_id) ?? null) : null,
      },
    })),
    count: metadata!.count,
    offset: metadata!.skip,
    limit: metadata!.take,
  })
}
