import { z } from "@medusajs/framework/zod"
import { isPermissionPattern } from "../../../../modules/accounting/rules/permissions"
import { text } from "../../../utils/validators"

const permission = z.string().refine(isPermissionPattern, {
  message: "must be an accounting permission (see GET /admin/accounting/permissions), resource:* or *",
})

export const AdminCreateAccountingRole = z.strictObject({
  name: text(100).min(1),
  description: text(500).nullable().optional(),
  permissions: z.array(permission).max(100),
})

export const AdminUpdateAccountingRole = AdminCreateAccountingRole.partial()

export const AdminGrantAccountingRole = z.strictObject({
  user_id: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, { message: "must be a user id" }),
  role_id: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, { message: "must be a role id" }),
})
