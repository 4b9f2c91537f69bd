import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import type { BookedRefund } from "../../../workflows/customer-refunds"
import { loadReferences } from "../../utils/names"
import { withReasonLabels } from "../../utils/reason-labels"
import { refetchOr404 } from "../../utils/refetch"

/** Adds the customer's name and the reason's label to a page of refunds (one query each for the page). */
export async function withCustomers<T extends { customer_id?: string; reason_code?: string | null }>(
  req: AuthenticatedMedusaRequest<any>,
  refunds: T[]
) {
  const [refs, labelled] = await Promise.all([
    loadReferences(req.scope, { customer_ids: refunds.map((r) => r.customer_id) }),
    withReasonLabels(req, "customer_refund", refunds),
  ])
  return labelled.map((r) => ({ ...r, customer: refs.customer(r.customer_id) }))
}

export const loadCustomerRefund = async (req: AuthenticatedMedusaRequest<any>, id?: string) =>
  (await withCustomers(req, [await refetchOr404(req, "customer_refund", "Customer refund", id)]))[0]

/**
 * The answer to a post: 200 with the posted refund, or 202 when the money
 * moved and the booking is pending (status money_moved; the posting-retry job
 * completes it, and the error is in the posting-errors list).
 */
export function postedAnswer(result: BookedRefund, customer_refund: unknown) {
  return result.posted
    ? { body: { customer_refund } }
    : { status: 202, body: { customer_refund, posting_error: result.error } }
}
