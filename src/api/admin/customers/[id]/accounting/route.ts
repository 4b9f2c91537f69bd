import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ACCOUNTING_MODULE } from "../../../../../modules/accounting"
import type AccountingModuleService from "../../../../../modules/accounting/service"
import { customerAging } from "../../../../../reports/customer-aging"
import { refundablePayments } from "../../../../utils/payments"
import type { AdminCustomerAccountingResponse } from "../../../../../types/http"

/** The customer as the ledger sees it: open balance, mini aging, recent refunds, card payments. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminCustomerAccountingResponse>
) => {
  const accounting = req.scope.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const knex = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const [summary, aging, refundable_payments] = await Promise.all([
    accounting.customerAccountingSummary(req.params.id),
    customerAging(knex, accounting, req.params.id),
    refundablePayments(req.scope, { customer_id: req.params.id }),
  ])
  res.json({ customer_accounting: { ...summary, aging, refundable_payments } })
}
