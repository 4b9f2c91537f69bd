import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import { REFUND_STATUSES } from "../../../modules/accounting/models/customer-refund"
import { CREDIT_SOURCE_TYPES } from "../../../modules/accounting/models/customer-refund-line"
import { currencyCode, id, isoDate, money, reasonCode, refinePrecision, refundMethod, text } from "../../utils/validators"

const line = z.strictObject({
  source_type: z.enum(CREDIT_SOURCE_TYPES),
  source_id: id(),
  amount: money(),
})

const fields = {
  refund_date: isoDate(),
  method: refundMethod(),
  payment_account_id: id().nullish(),
  payment_id: id().nullish(),
  reference: text(200).nullish(),
  pay_to: text(200).nullish(),
  memo: text(1000).nullish(),
  // Checked against settings → reason_codes.customer_refund by the module.
  reason_code: reasonCode().nullish(),
  attachment_url: z
    .string()
    .url()
    .max(2000)
    .refine((u) => /^https?:\/\//i.test(u), { message: "must be an http(s) URL" })
    .nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  lines: z.array(line).min(1).max(100),
}

export const AdminCreateCustomerRefund = z
  .strictObject({
    customer_id: id(),
    currency_code: currencyCode(),
    ...fields,
    post: z.boolean().optional(),
  })
  .superRefine((r, ctx) =>
    refinePrecision(
      r.currency_code,
      r.lines.map((l, i) => ({ path: ["lines", i, "amount"], value: l.amount })),
      ctx
    )
  )

export const AdminUpdateCustomerRefund = z.strictObject({
  refund_date: fields.refund_date.optional(),
  method: fields.method.optional(),
  payment_account_id: fields.payment_account_id,
  payment_id: fields.payment_id,
  reference: fields.reference,
  pay_to: fields.pay_to,
  memo: fields.memo,
  reason_code: fields.reason_code,
  attachment_url: fields.attachment_url,
  metadata: fields.metadata,
  lines: fields.lines.optional(),
})

export const AdminVoidCustomerRefund = z
  .strictObject({
    date: isoDate(),
    /** Card refunds: the provider reports the refund failed or came back; only the books change. */
    record_only: z.boolean().optional(),
    reason: text(500).optional(),
  })
  .refine((v) => !v.record_only || !!v.reason?.trim(), {
    message: "a record-only void needs the reason (e.g. the provider's failure notice)",
    path: ["reason"],
  })

export const AdminGetCustomerRefundsParams = createFindParams({
  limit: 50,
  offset: 0,
  order: "-created_at",
}).extend({
  status: z.union([z.enum(REFUND_STATUSES), z.array(z.enum(REFUND_STATUSES))]).optional(),
  customer_id: z.union([z.string(), z.array(z.string())]).optional(),
  method: z.union([refundMethod(), z.array(refundMethod())]).optional(),
  currency_code: z.string().optional(),
  reason_code: z.string().optional(),
  date_from: isoDate().optional(),
  date_to: isoDate().optional(),
  q: z.string().optional(),
})

export const AdminImportCustomerRefundsParams = z.strictObject({
  partial: z.enum(["true", "false"]).optional(),
})
