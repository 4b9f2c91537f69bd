import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import { currencyCode, id, isoDate, money, reasonCode, text } from "../../utils/validators"
import { WRITE_OFF_STATUSES } from "../../../modules/accounting/models/write-off"
import { APPROVAL_STATUSES } from "../../../modules/accounting/rules/approval"

// reason_code: checked against settings → reason_codes.write_off by the module (required there or not).

export const AdminCreateWriteOff = z.strictObject({
  order_id: id(),
  /** Omitted: all the order still owes. */
  amount: money().optional(),
  date: isoDate(),
  reason_code: reasonCode().nullish(),
  memo: text(500).nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
})

export const AdminBulkWriteOff = z.strictObject({
  currency_code: currencyCode(),
  threshold: money(),
  date: isoDate(),
  reason_code: reasonCode().nullish(),
  customer_id: id().nullish(),
  memo: text(500).nullish(),
})

export const AdminVoidWriteOff = z.strictObject({
  date: isoDate(),
  reason: text(500).trim().min(1).nullish(),
})

export const AdminGetWriteOffsParams = createFindParams({ limit: 50, offset: 0, order: "-created_at" }).extend({
  status: z.union([z.enum(WRITE_OFF_STATUSES), z.array(z.enum(WRITE_OFF_STATUSES))]).optional(),
  approval_status: z.enum(APPROVAL_STATUSES).optional(),
  customer_id: z.union([z.string(), z.array(z.string())]).optional(),
  order_id: z.string().optional(),
  batch_id: z.string().optional(),
  currency_code: z.string().optional(),
  reason_code: z.string().optional(),
  date_from: isoDate().optional(),
  date_to: isoDate().optional(),
  q: z.string().optional(),
})
