import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ACCOUNTING_MODULE } from "../../../../../modules/accounting"
import type AccountingModuleService from "../../../../../modules/accounting/service"
import { agingSql, bucketLabels } from "../../../../../reports/definitions/ar-aging"
import { refundablePayments } from "../../../../utils/payments"

/** The customer's aging per currency, in the store's buckets, as of today. */
async function customerAging(req: AuthenticatedMedusaRequest, accounting: AccountingModuleService) {
  const knex = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { aging_buckets } = await accounting.getPostingSettings()
  const params = {
    as_of: (await accounting.getClock()).today,
    basis: "due" as const,
    buckets: aging_buckets,
    detail: false,
    customer_id: req.params.id,
  }
  const { rows } = await knex.raw(agingSql(params, false), {
    as_of: params.as_of,
    customer_id: req.params.id,
  })
  const labels = bucketLabels(aging_buckets)
  return rows.map((r: any) => ({
    currency_code: r.currency_code,
    buckets: labels.map((label, i) => ({ label, amount: Number(r[`bucket_${i}`]) })),
    total: Number(r.total),
  }))
}

/** The customer as the ledger sees it: open balance, mini aging, recent refunds, card payments. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const accounting = req.scope.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const [summary, aging, refundable_payments] = await Promise.all([
    accounting.customerAccountingSummary(req.params.id),
    customerAging(req, accounting),
    refundablePayments(req.scope, { customer_id: req.params.id }),
  ])
  res.json({ customer_accounting: { ...summary, aging, refundable_payments } })
}
