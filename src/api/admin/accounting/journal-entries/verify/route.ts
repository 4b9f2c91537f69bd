import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ACCOUNTING_MODULE } from "../../../../../modules/accounting"
import type AccountingModuleService from "../../../../../modules/accounting/service"

/** Walks the hash chain: { valid, checked, first_broken_id?, reason? }. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const accounting = req.scope.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  res.json(await accounting.verifyJournal())
}
