import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { ACCOUNTING_MODULE } from "../../../../../modules/accounting"
import type AccountingModuleService from "../../../../../modules/accounting/service"
import { loadStoreCreditCredits } from "../../../../../lib/refund-context"
import type { AdminAvailableCreditsResponse } from "../../../../../types/http"

/**
 * Every credit the customer could be refunded from, with what remains:
 * issued credit memos, overpayments, negative order adjustments and the
 * loyalty store-credit balance. Orders that are only owed never appear.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminAvailableCreditsResponse>
) => {
  const currency = (req.validatedQuery as { currency_code?: string }).currency_code
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: req.params.id } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${req.params.id} was not found`)
  }
  const accounting = req.scope.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const ar = await accounting.listAvailableArCredits(req.params.id, currency)
  const storeCredit = await loadStoreCreditCredits(req.scope, req.params.id, currency)
  const available_credits = [...ar, ...storeCredit].map((c) => ({
    ...c,
    original_amount: MathBN.convert(c.original_amount).toFixed(),
    remaining_amount: MathBN.convert(c.remaining_amount).toFixed(),
  }))
  res.json({ available_credits, count: available_credits.length })
}
