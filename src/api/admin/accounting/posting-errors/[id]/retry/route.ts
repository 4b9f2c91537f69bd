import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retryPosting } from "../../../../../../workflows/order-accounting/retry-postings"
import { refetchOr404 } from "../../../../../utils/refetch"

/** Retries one posting now; answers the error as it stands afterwards. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const load = () => refetchOr404(req, "posting_error", "Posting error")
  const error = await load()
  if (error.status === "pending") {
    await retryPosting(req.scope, error, "manual-retry")
  }
  res.json({ posting_error: await load() })
}
