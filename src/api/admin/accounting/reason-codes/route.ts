import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ACCOUNTING_MODULE } from "../../../../modules/accounting"
import type AccountingModuleService from "../../../../modules/accounting/service"
import type { AdminReasonCodesResponse } from "../../../../types/http"

/**
 * The reason codes per document type, for the forms' selects: readable by
 * whoever drafts or lists memos, refunds or write-offs, without settings:view.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminReasonCodesResponse>) => {
  const accounting = req.scope.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  res.json({ reason_codes: await accounting.getReasonCodes() })
}
