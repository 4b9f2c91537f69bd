import { z } from "@medusajs/framework/zod"
import { id, isoDate, money } from "../../../../utils/validators"

export const AdminApplyCustomerCredit = z.strictObject({
  /** The AR credit document (see available-credits: `ar_document_id`). */
  credit_document_id: id(),
  order_id: id(),
  amount: money(),
  date: isoDate(),
})

export const AdminUnapplyCustomerCreditParams = z.strictObject({ date: isoDate() })
