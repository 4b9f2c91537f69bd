import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import { DEPOSIT_RECEIPT_TYPES } from "../../../modules/accounting/models/bank-deposit-item"
import { currencyCode, id, isoDate, text } from "../../utils/validators"

export const AdminGetBankDepositsParams = createFindParams({
  limit: 50,
  offset: 0,
  order: "-deposit_date",
}).extend({
  currency_code: z.string().optional(),
  q: z.string().optional(),
})

/** A deposit slip: the receipts picked from Undeposited Funds (amounts come from the books). */
export const AdminCreateBankDeposit = z.strictObject({
  currency_code: currencyCode(),
  deposit_date: isoDate(),
  reference: text(200).trim().min(1).nullish(),
  memo: text(1000).nullish(),
  receipts: z
    .array(z.strictObject({ type: z.enum([...DEPOSIT_RECEIPT_TYPES]), id: id() }))
    .min(1, { message: "pick at least one receipt" })
    .max(500)
    .refine((r) => new Set(r.map((x) => `${x.type}:${x.id}`)).size === r.length, {
      message: "lists a receipt twice",
    }),
})

export const AdminGetUndepositedParams = z.strictObject({ currency_code: currencyCode().optional() })
