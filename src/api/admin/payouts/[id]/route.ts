import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refetchOr404 } from "../../../utils/refetch"

/** A payout with its lines and what each was matched to. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ payout: await refetchOr404(req, "payout", "Payout") })
}
