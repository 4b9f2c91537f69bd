import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refetchOr404 } from "../../../utils/refetch"

/** A deposit slip with its receipts. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ bank_deposit: await refetchOr404(req, "bank_deposit", "Bank deposit") })
}
