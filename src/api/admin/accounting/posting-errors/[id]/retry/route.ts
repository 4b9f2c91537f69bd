import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refetchEntity } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { runOrderSync } from "../../../../../../workflows/order-accounting"

/** Retries one posting now; answers the error as it stands afterwards. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const load = () =>
    refetchEntity({
      entity: "posting_error",
      idOrFilter: req.params.id,
      scope: req.scope,
      fields: req.queryConfig.fields,
    })
  const error = await load()
  if (!error) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Posting error ${req.params.id} was not found`)
  }
  if (error.status === "pending" && error.source_type === "order") {
    await runOrderSync(req.scope, error.source_id, {
      eventName: error.event_name ?? undefined,
      origin: "manual-retry",
    })
  }
  res.json({ posting_error: await load() })
}
