import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"

export const AdminGetPostingErrorsParams = createFindParams({
  limit: 50,
  offset: 0,
  order: "-updated_at",
}).extend({
  status: z.enum(["pending", "resolved"]).optional(),
  source_type: z.string().optional(),
  source_id: z.string().optional(),
})
