import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ACCOUNTING_MODULE } from "../../../../../modules/accounting"
import type AccountingModuleService from "../../../../../modules/accounting/service"

/** Receipts sitting in Undeposited Funds, not yet deposited: what a deposit can pick. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const accounting = req.scope.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const receipts = await accounting.listUndepositedReceipts({
    currency_code: (req.validatedQuery as any)?.currency_code,
  })
  res.json({ receipts: receipts.map((r) => ({ ...r, amount: r.amount.toString() })) })
}
