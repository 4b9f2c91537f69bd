import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { loadReferences } from "../../utils/names"
import { withReasonLabels } from "../../utils/reason-labels"
import { refetchOr404 } from "../../utils/refetch"

/** Adds the customer's name and the order's number to each write-off, for the page at once. */
export async function withNames<T extends { customer_id?: string; order_id?: string; reason_code?: string | null }>(
  req: AuthenticatedMedusaRequest<any>,
  writeOffs: T[]
) {
  const [refs, labelled] = await Promise.all([
    loadReferences(req.scope, {
      customer_ids: writeOffs.map((w) => w.customer_id),
      order_ids: writeOffs.map((w) => w.order_id),
    }),
    withReasonLabels(req, "write_off", writeOffs),
  ])
  return labelled.map((w) => ({ ...w, customer: refs.customer(w.customer_id), order: refs.order(w.order_id) }))
}

export async function loadWriteOff(req: AuthenticatedMedusaRequest<any>, id?: string) {
  return (await withNames(req, [await refetchOr404(req, "write_off", "Write-off", id)]))[0]
}
