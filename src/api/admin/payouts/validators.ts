import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import { currencyCode, isoDate, money, text } from "../../utils/validators"

export const AdminGetPayoutsParams = createFindParams({ limit: 50, offset: 0, order: "-payout_date" }).extend({
  provider_id: z.string().optional(),
  currency_code: z.string().optional(),
  q: z.string().optional(),
})

const providerId = () => z.string().regex(/^[A-Za-z0-9_\-]+$/, { message: "must be a payment provider id" })

const line = z.strictObject({
  reporting_category: text(50).trim().min(1).default("charge"),
  provider_payment_id: text(200).trim().min(1).nullable().optional(),
  description: text(500).nullable().optional(),
  gross: money({ positive: false }),
  fee: money({ positive: false }),
})

/** Payouts posted through the API: the same shape an import produces. */
export const AdminCreatePayouts = z.strictObject({
  payouts: z
    .array(
      z.strictObject({
        provider_id: providerId(),
        provider_payout_id: text(200).trim().min(1),
        currency_code: currencyCode(),
        payout_date: isoDate(),
        lines: z.array(line).min(1).max(5000),
      })
    )
    .min(1)
    .max(100),
})

const column = () => z.string().trim().min(1).max(100)

/** Which column holds what, for a file that is not Stripe's export. */
export const PayoutColumnMappingSchema = z.strictObject({
  payout_id: column(),
  payout_date: column(),
  currency: column(),
  gross: column(),
  fee: column(),
  net: column().optional(),
  category: column().optional(),
  payment_id: column().optional(),
  description: column().optional(),
})

/** The multipart fields beside `file`: whose payouts, which format, and the mapping for `csv`. */
export const AdminImportPayoutsFields = z
  .strictObject({
    provider_id: providerId(),
    format: z.enum(["stripe", "csv"]).default("stripe"),
    mapping: z
      .string()
      .transform((value, ctx) => {
        try {
          return JSON.parse(value)
        } catch {
          ctx.addIssue({ code: "custom", message: "must be a JSON object of field: column" })
          return z.NEVER
        }
      })
      .pipe(PayoutColumnMappingSchema)
      .optional(),
  })
  .refine((b) => b.format !== "csv" || !!b.mapping, {
    message: "a generic CSV needs a mapping",
    path: ["mapping"],
  })

export const AdminGetUnmatchedParams = z.strictObject({
  provider_id: providerId().optional(),
  as_of: isoDate().optional(),
})
