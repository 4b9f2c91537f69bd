import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { runOrderSync } from "../../../../../../workflows/order-accounting"
import { refetchOr404 } from "../../../../../utils/refetch"

/** Retries one posting now; answers the error as it stands afterwards. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const load = () => refetchOr404(req, "posting_error", "Posting error")
  const error = await load()
  if (error.status === "pending" && error.source_type === "order") {
    await runOrderSync(req.scope, error.source_id, {
      eventName: error.event_name ?? undefined,
      origin: "manual-retry",
    })
  }
  res.json({ posting_error: await load() })
}
