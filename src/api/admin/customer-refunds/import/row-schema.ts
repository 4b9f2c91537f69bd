import { z } from "@medusajs/framework/zod"
import { CREDIT_SOURCE_TYPES } from "../../../../modules/accounting/models/customer-refund-line"
import { currencyCode, id, isoDate, money, reasonCode, refundMethod, text } from "../../../utils/validators"

const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === "" || v === undefined ? undefined : v), schema.optional())

/** One CSV row: a credit line of a refund; rows with the same refund_ref form one refund. */
export const ImportRow = z.object({
  refund_ref: optional(text(100)),
  customer_id: id(),
  currency_code: currencyCode(),
  refund_date: isoDate(),
  method: refundMethod(),
  payment_account_id: optional(id()),
  payment_id: optional(id()),
  reference: optional(text(200)),
  pay_to: optional(text(200)),
  memo: optional(text(1000)),
  /** One of settings → reason_codes.customer_refund; the column may be left out. */
  reason_code: optional(reasonCode()),
  source_type: z.enum(CREDIT_SOURCE_TYPES),
  source_id: id(),
  amount: money(),
})
export type ImportRow = z.infer<typeof ImportRow>

/** Columns the file must have: every one the row schema does not let be empty. */
export const REQUIRED_COLUMNS = Object.entries(ImportRow.shape)
  .filter(([, schema]) => !schema.isOptional())
  .map(([column]) => column)

/** Header fields every row of one refund must agree on. */
export const HEADER_FIELDS = [
  "customer_id",
  "currency_code",
  "refund_date",
  "method",
  "payment_account_id",
  "payment_id",
  "reference",
  "pay_to",
  "memo",
  "reason_code",
] as const
