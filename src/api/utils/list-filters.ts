import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

type ListFilterOptions = {
  /** The column `date_from` / `date_to` bound (inclusive days). */
  date?: string
  /** The columns `q` searches (case-insensitive, anywhere in the text). */
  search?: string[]
}

/**
 * Middleware after `validateAndTransformQuery`: turns the list API's
 * `date_from`, `date_to` and `q` into query filters, once for every list.
 */
export function listFilters({ date, search = [] }: ListFilterOptions) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const { date_from, date_to, q, ...filters } = (req.filterableFields ?? {}) as Record<string, any>
    if (date && (date_from || date_to)) {
      filters[date] = { ...(date_from && { $gte: date_from }), ...(date_to && { $lte: date_to }) }
    }
    if (q && search.length) {
      filters.$or = search.map((column) => ({ [column]: { $ilike: `%${q}%` } }))
    }
    req.filterableFields = filters
    next()
  }
}
