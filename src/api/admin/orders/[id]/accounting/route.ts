import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ACCOUNTING_MODULE } from "../../../../../modules/accounting"
import type AccountingModuleService from "../../../../../modules/accounting/service"
import { refundablePayments } from "../../../../utils/payments"

/** The order as the ledger sees it: receivable, paid, refunded, open, memos, refunds. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const accounting = req.scope.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const summary = await accounting.orderAccountingSummary(req.params.id)
  res.json({
    order_accounting: {
      ...summary,
      refundable_payments: await refundablePayments(req.scope, { id: req.params.id }, 1),
    },
  })
}
