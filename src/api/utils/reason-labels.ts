import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ACCOUNTING_MODULE } from "../../modules/accounting"
import { reasonLabel, ReasonCodeDocumentType } from "../../modules/accounting/rules/reason-codes"
import type AccountingModuleService from "../../modules/accounting/service"

/**
 * Adds `reason_label` (the label of the document's reason code, as the
 * settings name it now) to a page of documents: lists show the label without
 * every reader needing settings:view. One settings read per page that has a code.
 */
export async function withReasonLabels<T extends { reason_code?: string | null }>(
  req: AuthenticatedMedusaRequest<any>,
  type: ReasonCodeDocumentType,
  rows: T[]
): Promise<(T & { reason_label: string | null })[]> {
  if (!rows.some((r) => r.reason_code)) {
    // Nothing to label: no settings read.
    return rows.map((r) => ({ ...r, reason_label: null }))
  }
  const codes = await req.scope.resolve<AccountingModuleService>(ACCOUNTING_MODULE).getReasonCodes()
  return rows.map((r) => ({ ...r, reason_label: reasonLabel(codes, type, r.reason_code) }))
}
