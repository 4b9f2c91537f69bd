import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import type { BookedRefund } from "../../../workflows/customer-refunds"
import { refetchOr404 } from "../../utils/refetch"

export const loadCustomerRefund = (req: AuthenticatedMedusaRequest<any>, id?: string) =>
  refetchOr404(req, "customer_refund", "Customer refund", id)

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
