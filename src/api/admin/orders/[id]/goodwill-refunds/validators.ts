import { z } from "@medusajs/framework/zod"
import { currencyCode, id, isoDate, money, reasonCode, refinePrecision, refundMethod, text } from "../../../../utils/validators"

/**
 * A goodwill refund of an order: an allowance memo and its refund in one
 * request. `currency_code` must be the order's; `payment_id` only (and
 * always) for `card`; `date` defaults to the store's today.
 */
export const AdminCreateGoodwillRefund = z
  .strictObject({
    amount: money(),
    currency_code: currencyCode(),
    reason_code: reasonCode(),
    method: refundMethod(),
    payment_id: id().nullish(),
    note: text(500).trim().min(1).nullish(),
    date: isoDate().nullish(),
  })
  .superRefine((b, ctx) => refinePrecision(b.currency_code, [{ path: ["amount"], value: b.amount }], ctx))
