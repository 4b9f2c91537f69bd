import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import { text } from "../../../utils/validators"

const accountType = z.enum(["asset", "liability", "equity", "income", "expense"])

export const AdminGetAccountsParams = createFindParams({ limit: 50, offset: 0, order: "code" }).extend({
  q: z.string().optional(),
  type: z.union([accountType, z.array(accountType)]).optional(),
  active: z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean()).optional(),
  code: z.union([z.string(), z.array(z.string())]).optional(),
})

export const AdminCreateAccount = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[A-Za-z0-9.\-]+$/, { message: "may contain letters, digits, '.' and '-'" }),
  name: text(200).trim().min(1),
  type: accountType,
  description: text(1000).nullish(),
  active: z.boolean().optional(),
})

export const AdminUpdateAccount = z.strictObject({
  name: text(200).trim().min(1).optional(),
  type: accountType.optional(),
  description: text(1000).nullish(),
  active: z.boolean().optional(),
})
