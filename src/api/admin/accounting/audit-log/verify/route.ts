import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ACCOUNTING_MODULE } from "../../../../../modules/accounting"
import type AccountingModuleService from "../../../../../modules/accounting/service"

/** Seals pending audit rows, then walks the chain: `valid`, or the first row edited or missing. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const accounting = req.scope.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  await accounting.sealAuditTrail()
  res.json(await accounting.verifyAuditTrail())
}
