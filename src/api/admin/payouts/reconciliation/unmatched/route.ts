import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { unmatchedPayoutItems } from "../../../../../lib/unmatched-payouts"

/**
 * What payouts and Medusa do not agree on: payout lines matched to no capture
 * or refund, and card captures (any provider but the system one) that no
 * payout has paid out yet, up to `as_of`.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { provider_id, as_of } = req.validatedQuery as { provider_id?: string; as_of?: string }
  res.json(await unmatchedPayoutItems(req.scope, { provider_id, as_of }))
}
