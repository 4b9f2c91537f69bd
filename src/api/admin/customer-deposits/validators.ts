import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import { CUSTOMER_DEPOSIT_STATUSES } from "../../../modules/accounting/models/customer-deposit"
import { currencyCode, id, isoDate, money, refinePrecision, refundMethod, text } from "../../utils/validators"

export const AdminCreateDeposit = z
  .strictObject({
    customer_id: id(),
    currency_code: currencyCode(),
    date: isoDate(),
    method: refundMethod(),
    reference: text(200).trim().min(1).nullish(),
    memo: text(500).nullish(),
    amount: money(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
  })
  .superRefine((d, ctx) => refinePrecision(d.currency_code, [{ path: ["amount"], value: d.amount }], ctx))

/** The amount's precision is checked against the deposit's currency by the module. */
export const AdminApplyDeposit = z.strictObject({
  order_id: id(),
  amount: money(),
  date: isoDate(),
})

export const AdminUnapplyDeposit = z.strictObject({ date: isoDate() })

export const AdminRefundDeposit = z.strictObject({
  amount: money(),
  method: refundMethod(),
  date: isoDate(),
  reference: text(200).trim().min(1).nullish(),
})

export const AdminVoidDeposit = z.strictObject({
  date: isoDate(),
  reason: text(500).trim().min(1).nullish(),
})

const status = z.enum(CUSTOMER_DEPOSIT_STATUSES)

export const AdminGetDepositsParams = createFindParams({ limit: 50, offset: 0, order: "-created_at" }).extend({
  status: z.union([status, z.array(status)]).optional(),
  customer_id: z.union([z.string(), z.array(z.string())]).optional(),
  currency_code: z.string().optional(),
  method: z.string().optional(),
  date_from: isoDate().optional(),
  date_to: isoDate().optional(),
  q: z.string().optional(),
})
