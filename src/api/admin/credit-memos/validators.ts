import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import { currencyCode, id, isoDate, money, reasonCode, refinePrecision, text } from "../../utils/validators"

const line = z.strictObject({
  description: text(500).trim().min(1),
  amount: money(),
  tax_amount: money({ allowZero: true }).optional(),
  kind: z.enum(["item", "shipping", "adjustment"]).default("item"),
  line_item_id: id().nullish(),
})

const linePrecision = (currency: string, lines: z.infer<typeof line>[] | undefined, ctx: z.RefinementCtx) =>
  refinePrecision(
    currency,
    (lines ?? []).flatMap((l, i) => [
      { path: ["lines", i, "amount"], value: l.amount },
      { path: ["lines", i, "tax_amount"], value: l.tax_amount },
    ]),
    ctx
  )

export const AdminCreateCreditMemo = z
  .strictObject({
    customer_id: id(),
    order_id: id().nullish(),
    return_id: id().nullish(),
    currency_code: currencyCode(),
    date: isoDate(),
    reason: text(500).trim().min(1),
    // Checked against settings → reason_codes.credit_memo by the module.
    reason_code: reasonCode().nullish(),
    internal: z.boolean().optional(),
    legal_number: text(100).trim().min(1).nullish(),
    lines: z.array(line).min(1).max(200),
    metadata: z.record(z.string(), z.unknown()).nullish(),
    /** Issue at once: one step for the admin; a refused issue leaves no draft behind. */
    issue: z.boolean().optional(),
  })
  .superRefine((memo, ctx) => linePrecision(memo.currency_code, memo.lines, ctx))

export const AdminUpdateCreditMemo = z.strictObject({
  order_id: id().nullish(),
  return_id: id().nullish(),
  date: isoDate().optional(),
  reason: text(500).trim().min(1).optional(),
  reason_code: reasonCode().nullish(),
  internal: z.boolean().optional(),
  legal_number: text(100).trim().min(1).nullish(),
  lines: z.array(line).min(1).max(200).optional(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
})

export const AdminRecordLegalNumber = z.strictObject({
  legal_number: text(100).trim().min(1),
})

export const AdminGetCreditMemosParams = createFindParams({
  limit: 50,
  offset: 0,
  order: "-created_at",
}).extend({
  status: z
    .union([z.enum(["draft", "issued", "voided"]), z.array(z.enum(["draft", "issued", "voided"]))])
    .optional(),
  customer_id: z.union([z.string(), z.array(z.string())]).optional(),
  order_id: z.string().optional(),
  currency_code: z.string().optional(),
  reason_code: z.string().optional(),
  q: z.string().optional(),
})

export const AdminVoidCreditMemo = z.strictObject({ date: isoDate() })

export const AdminApplyCreditMemo = z.strictObject({
  order_id: id(),
  amount: money(),
  date: isoDate(),
})
