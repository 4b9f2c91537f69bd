import { z } from "@medusajs/framework/zod"
import { APPROVAL_DOCUMENT_TYPES } from "../../../../modules/accounting/rules/approval"
import { text } from "../../../utils/validators"

export const AdminRejectDocument = z.strictObject({ reason: text(500).min(1) })

export const AdminGetApprovalsParams = z.strictObject({
  document_type: z
    .enum(Object.keys(APPROVAL_DOCUMENT_TYPES) as [keyof typeof APPROVAL_DOCUMENT_TYPES])
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})
