import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ACCOUNTING_MODULE } from "../../../../../modules/accounting"
import type AccountingModuleService from "../../../../../modules/accounting/service"
import { refundablePayments } from "../../../../utils/payments"
import { explainOrder } from "./explain"
import type { AdminOrderAccountingResponse } from "../../../../../types/http"

/**
 * The order as the ledger sees it: receivable, paid, refunded, open, due
 * date, memos, refunds, and what explains the open amount (credits applied,
 * refunds from the order's credits, journal entries).
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminOrderAccountingResponse>
) => {
  const accounting = req.scope.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const knex = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const [summary, explained, refundable_payments] = await Promise.all([
    accounting.orderAccountingSummary(req.params.id),
    explainOrder(knex, req.params.id),
    refundablePayments(req.scope, { id: req.params.id }, 1),
  ])
  const receivable = summary.documents.find((d) => d.doc_type === "order")
  res.json({
    order_accounting: {
      ...summary,
      due_date: receivable?.due_date ?? null,
      ...explained,
      refundable_payments,
    },
  })
}
