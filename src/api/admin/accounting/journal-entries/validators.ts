import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import {
  currencyCode,
  EmptyBody,
  id,
  isoDate,
  money,
  refinePrecision,
  SelectParams,
  text,
} from "../../../utils/validators"

export const AdminGetJournalEntriesParams = createFindParams({
  limit: 50,
  offset: 0,
  order: "-created_at",
}).extend({
  status: z
    .union([z.enum(["draft", "posted", "reversed"]), z.array(z.enum(["draft", "posted", "reversed"]))])
    .optional(),
  source_type: z.string().optional(),
  source_id: z.string().optional(),
  customer_id: z.string().optional(),
  order_id: z.string().optional(),
  /** The order's number as the admin shows it (#11 → 11). */
  order_display_id: z.coerce.number().int().positive().optional(),
  account_id: z.string().optional(),
  currency_code: z.string().optional(),
  date_from: isoDate().optional(),
  date_to: isoDate().optional(),
  q: z.string().optional(),
})

export const AdminGetJournalEntryParams = SelectParams

const line = z
  .strictObject({
    account_id: id(),
    debit: money({ allowZero: true }).optional(),
    credit: money({ allowZero: true }).optional(),
    description: text(500).nullish(),
    customer_id: id().nullish(),
    order_id: id().nullish(),
  })
  .refine(
    (l) => (l.debit !== undefined && l.debit !== "0") !== (l.credit !== undefined && l.credit !== "0"),
    {
      message: "needs exactly one of debit or credit",
    }
  )

export const AdminCreateJournalEntry = z
  .strictObject({
    entry_date: isoDate(),
    currency_code: currencyCode(),
    memo: text(1000).nullish(),
    lines: z.array(line).min(2).max(500),
  })
  .superRefine((entry, ctx) =>
    refinePrecision(
      entry.currency_code,
      entry.lines.flatMap((l, i) => [
        { path: ["lines", i, "debit"], value: l.debit },
        { path: ["lines", i, "credit"], value: l.credit },
      ]),
      ctx
    )
  )

export const AdminReverseJournalEntry = z.strictObject({
  date: isoDate(),
  memo: text(1000).nullish(),
})

export const AdminUpdateJournalEntry = z.strictObject({
  entry_date: isoDate().optional(),
  memo: text(1000).nullish(),
  lines: z.array(line).min(2).max(500).optional(),
})
