import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import { isoDate, text } from "../../../utils/validators"

export const AdminGetPeriodsParams = createFindParams({ limit: 50, offset: 0, order: "-start_date" }).extend({
  status: z.enum(["open", "closed"]).optional(),
})

export const AdminCreatePeriod = z
  .strictObject({
    name: text(100).trim().min(1),
    start_date: isoDate(),
    end_date: isoDate(),
  })
  .refine((p) => p.end_date >= p.start_date, {
    message: "end_date must be on or after start_date",
    path: ["end_date"],
  })

/** Closing or reopening: why, for the audit trail (the admin asks for it). */
export const AdminChangePeriodStatus = z.strictObject({
  reason: text(500).trim().min(1).optional(),
})

/** Closing: `force` passes blocking checklist items and then needs a reason (audited). */
export const AdminClosePeriod = z
  .strictObject({
    reason: text(500).trim().min(1).optional(),
    force: z.boolean().optional(),
  })
  .refine((b) => !b.force || !!b.reason, {
    message: "a forced close needs a reason",
    path: ["reason"],
  })
