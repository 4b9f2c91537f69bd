import { z } from "@medusajs/framework/zod"
import { REPORT_FORMATS } from "../../../../reports/run-report"
import { currencyCode, id, isoDate } from "../../../utils/validators"

const format = z.enum(REPORT_FORMATS).default("json")
// Day-dependent defaults are filled by the route, in the store's accounting time zone.
const todayDefault = () => isoDate().optional().describe("Defaults to today (the store's accounting day).")
const asOf = todayDefault()
const flag = z.enum(["true", "false"]).transform((v) => v === "true")

const period = <T extends z.ZodRawShape>(shape: T) =>
  z
    .strictObject({
      from: isoDate().optional().describe("Defaults to the first day of the month of `to`."),
      to: todayDefault(),
      format,
      ...shape,
    })
    .refine((p: any) => !p.from || !p.to || p.from <= p.to, {
      message: "from must be on or before to",
      path: ["from"],
    })

export const ReportQuery = {
  "ar-aging": z.strictObject({
    as_of: asOf,
    basis: z.enum(["due", "document"]).default("due"),
    buckets: z
      .string()
      .regex(/^\d{1,4}(,\d{1,4}){0,9}$/, { message: "must be increasing day counts like 30,60,90" })
      .transform((b) => b.split(",").map(Number))
      .refine((b) => b.every((d, i) => d > 0 && (i === 0 || d > b[i - 1])), {
        message: "must be increasing day counts like 30,60,90",
      })
      .optional(),
    detail: flag.default(false),
    customer_id: id().optional(),
    currency_code: currencyCode().optional(),
    region_id: id().optional(),
    sales_channel_id: id().optional(),
    format,
  }),
  "refund-audit": period({
    customer_id: id().optional(),
    status: z.enum(["draft", "posting", "issued", "posted", "voided"]).optional(),
  }),
  reconciliation: z.strictObject({ as_of: asOf, currency_code: currencyCode().optional(), format }),
  "credit-balances": z.strictObject({ as_of: asOf, currency_code: currencyCode().optional(), format }),
  "trial-balance": z.strictObject({ as_of: asOf, currency_code: currencyCode().optional(), format }),
  "general-ledger": period({ account_id: id().optional(), currency_code: currencyCode().optional() }),
  "audit-log": period({
    actor_id: id().optional().describe("The admin user who acted"),
    action: z
      .string()
      .regex(/^[a-z_]{1,40}$/, { message: "must be an action such as post or void" })
      .optional(),
    entity_type: z
      .string()
      .regex(/^[a-z_]{1,40}$/, { message: "must be a record type such as customer_refund" })
      .optional(),
    entity_id: id().optional(),
  }),
}
