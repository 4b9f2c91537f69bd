import { createFindParams, createSelectParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import { currencyPrecision } from "../../../../modules/accounting/rules/money"
import { currencyCode, id, isoDate, money, text } from "../../../utils/validators"

export const AdminGetJournalEntriesParams = createFindParams({ limit: 50, offset: 0, order: "-created_at" }).extend({
  status: z.union([z.enum(["draft", "posted", "reversed"]), z.array(z.enum(["draft", "posted", "reversed"]))]).optional(),
  source_type: z.string().optional(),
  source_id: z.string().optional(),
  customer_id: z.string().optional(),
  order_id: z.string().optional(),
  account_id: z.string().optional(),
  currency_code: z.string().optional(),
  date_from: isoDate().optional(),
  date_to: isoDate().optional(),
  q: z.string().optional(),
})

export const AdminGetJournalEntryParams = createSelectParams()

const line = z
  .strictObject({
    account_id: id(),
    debit: money({ allowZero: true }).optional(),
    credit: money({ allowZero: true }).optional(),
    description: text(500).nullish(),
    customer_id: id().nullish(),
    order_id: id().nullish(),
  })
  .refine((l) => (l.debit !== undefined && l.debit !== "0") !== (l.credit !== undefined && l.credit !== "0"), {
    message: "needs exactly one of debit or credit",
  })

export const AdminCreateJournalEntry = z
  .strictObject({
    entry_date: isoDate(),
    currency_code: currencyCode(),
    memo: text(1000).nullish(),
    lines: z.array(line).min(2).max(500),
  })
  .superRefine((entry, ctx) => {
    const precision = currencyPrecision(entry.currency_code)
    entry.lines.forEach((l, i) => {
      for (const side of ["debit", "credit"] as const) {
        const decimals = l[side]?.split(".")[1]?.length ?? 0
        if (decimals > precision) {
          ctx.addIssue({
            code: "custom",
            path: ["lines", i, side],
            message: `has ${decimals} decimals; ${entry.currency_code.toUpperCase()} allows ${precision}`,
          })
        }
      }
    })
  })

export const AdminReverseJournalEntry = z.strictObject({
  date: isoDate(),
  memo: text(1000).nullish(),
})

export const AdminPostJournalEntry = z.strictObject({})

export const AdminUpdateJournalEntry = z
  .strictObject({
    entry_date: isoDate().optional(),
    memo: text(1000).nullish(),
    lines: z.array(line).min(2).max(500).optional(),
  })
