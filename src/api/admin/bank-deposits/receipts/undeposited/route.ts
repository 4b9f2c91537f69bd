import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { ACCOUNTING_MODULE } from "../../../../../modules/accounting"
import type AccountingModuleService from "../../../../../modules/accounting/service"
import type { AdminGetUndepositedParams } from "../../validators"

/** Receipts sitting in Undeposited Funds, not yet deposited: what a deposit can pick. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, z.infer<typeof AdminGetUndepositedParams>>,
  res: MedusaResponse
) => {
  const accounting = req.scope.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const receipts = await accounting.listUndepositedReceipts({
    currency_code: req.validatedQuery?.currency_code,
  })
  res.json({ receipts: receipts.map((r) => ({ ...r, amount: r.amount.toString() })) })
}
