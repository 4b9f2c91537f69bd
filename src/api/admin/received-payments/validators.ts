import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import { PAYMENT_REVERSAL_KINDS } from "../../../modules/accounting/models/received-payment"
import { currencyCode, id, isoDate, money, refinePrecision, refundMethod, text } from "../../utils/validators"

export const AdminCreatePayment = z
  .strictObject({
    customer_id: id(),
    currency_code: currencyCode(),
    date: isoDate(),
    method: refundMethod(),
    payment_account_id: id().nullish(),
    reference: text(200).trim().min(1).nullish(),
    memo: text(500).nullish(),
    amount: money(),
    medusa_payment_id: id().nullish(),
    /** Omitted: oldest due first; `[]` leaves the whole payment unapplied. */
    allocations: z
      .array(z.strictObject({ order_id: id(), amount: money() }))
      .max(200)
      .optional(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
  })
  .superRefine((p, ctx) =>
    refinePrecision(
      p.currency_code,
      [
        { path: ["amount"], value: p.amount },
        ...(p.allocations ?? []).map((a, i) => ({ path: ["allocations", i, "amount"], value: a.amount })),
      ],
      ctx
    )
  )

export const AdminReversePayment = z.strictObject({
  date: isoDate(),
  kind: z.enum(PAYMENT_REVERSAL_KINDS),
  reason: text(500).trim().min(1),
})

export const AdminGetPaymentsParams = createFindParams({ limit: 50, offset: 0, order: "-created_at" }).extend({
  status: z.union([z.enum(["posted", "reversed"]), z.array(z.enum(["posted", "reversed"]))]).optional(),
  customer_id: z.union([z.string(), z.array(z.string())]).optional(),
  currency_code: z.string().optional(),
  method: z.string().optional(),
  date_from: isoDate().optional(),
  date_to: isoDate().optional(),
  q: z.string().optional(),
})
