import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type AccountingModuleService from "../../../modules/accounting/service"
import { loadReferences } from "../../utils/names"
import { refetchOr404 } from "../../utils/refetch"

/**
 * Adds what stands against each payment: `unapplied_amount` and its
 * applications (orders it settles, with the batch id to unapply), and the
 * customer's name, for the page at once.
 */
export async function withApplications<T extends { id: string; customer_id?: string }>(
  req: AuthenticatedMedusaRequest<any>,
  payments: T[]
) {
  const accounting = req.scope.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const [balances, refs] = await Promise.all([
    accounting.creditDocumentBalances(
      "received_payment",
      payments.map((p) => p.id)
    ),
    loadReferences(req.scope, { customer_ids: payments.map((p) => p.customer_id) }),
  ])
  return payments.map((payment) => ({
    ...payment,
    customer: refs.customer(payment.customer_id),
    unapplied_amount: balances.get(payment.id)?.remaining_amount ?? null,
    applications: balances.get(payment.id)?.applications ?? [],
  }))
}

export async function loadPayment(req: AuthenticatedMedusaRequest<any>, id?: string) {
  const payment = await refetchOr404(req, "received_payment", "Payment", id)
  return (await withApplications(req, [payment]))[0]
}
