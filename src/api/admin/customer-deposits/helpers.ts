import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type AccountingModuleService from "../../../modules/accounting/service"
import { loadReferences } from "../../utils/names"
import { refetchOr404 } from "../../utils/refetch"

/**
 * Adds what stands against each deposit (`remaining_amount`, applications
 * with their orders, refunds) and the customer's name, for a page at once.
 */
export async function withActivity<T extends { id: string; customer_id?: string }>(
  req: AuthenticatedMedusaRequest<any>,
  deposits: T[]
) {
  const accounting = req.scope.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const activity = await accounting.customerDepositActivity(deposits.map((d) => d.id))
  const refs = await loadReferences(req.scope, {
    customer_ids: deposits.map((d) => d.customer_id),
    order_ids: [...activity.values()].flatMap((a) => a.applications.map((x) => x.order_id)),
  })
  return deposits.map((deposit) => {
    const a = activity.get(deposit.id)
    return {
      ...deposit,
      customer: refs.customer(deposit.customer_id),
      remaining_amount: a?.remaining_amount ?? null,
      applications: (a?.applications ?? []).map((x) => ({ ...x, order: refs.order(x.order_id) })),
      refunds: a?.refunds ?? [],
    }
  })
}

export async function loadDeposit(req: AuthenticatedMedusaRequest<any>, id?: string) {
  return (await withActivity(req, [await refetchOr404(req, "customer_deposit", "Deposit", id)]))[0]
}
