import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { ACCOUNTING_MODULE } from "../../../../modules/accounting"
import { APPROVAL_DOCUMENT_TYPES, ApprovalDocumentType } from "../../../../modules/accounting/rules/approval"
import type AccountingModuleService from "../../../../modules/accounting/service"
import { loadReferences } from "../../../utils/names"
import { holds } from "../../../utils/permissions"
import type { AdminGetApprovalsParams } from "./validators"

/**
 * The approver's queue: drafts above their threshold awaiting a second user,
 * oldest first, of the types the signed-in user may approve.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const q = req.validatedQuery as z.infer<typeof AdminGetApprovalsParams>
  const types: ApprovalDocumentType[] = []
  for (const [type, { permission }] of Object.entries(APPROVAL_DOCUMENT_TYPES)) {
    if ((!q.document_type || q.document_type === type) && (await holds(req, permission))) {
      types.push(type as ApprovalDocumentType)
    }
  }
  const accounting = req.scope.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const { rows, count } = await accounting.listAwaitingApproval(types, { limit: q.limit, offset: q.offset })
  const refs = await loadReferences(req.scope, {
    customer_ids: rows.map((r: any) => r.customer_id),
    user_ids: rows.map((r: any) => r.created_by),
  })
  res.json({
    approvals: rows.map((r: any) => ({
      document_type: r.document_type,
      id: r.id,
      number: r.number,
      amount: r.total,
      currency_code: r.currency_code,
      customer: refs.customer(r.customer_id),
      created_by: refs.user(r.created_by),
      created_at: r.created_at,
      approval_status: r.approval_status,
    })),
    count,
    offset: q.offset,
    limit: q.limit,
  })
}
