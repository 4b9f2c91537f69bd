import { z } from "@medusajs/framework/zod"
import { isoDate } from "../../../../utils/validators"

export const STATEMENT_FORMATS = ["json", "csv", "pdf"] as const

export const AdminCustomerStatementParams = z
  .strictObject({
    from: isoDate().describe("First day of the statement; the opening balance is as of the day before."),
    to: isoDate().describe("Last day; the closing balance and the aging footer are as of this day."),
    format: z.enum(STATEMENT_FORMATS).default("json"),
  })
  .refine((p) => p.from <= p.to, { message: "from must be on or before to", path: ["from"] })

export const AdminStatementsZipParams = z
  .strictObject({
    from: isoDate().describe("First day of every statement."),
    to: isoDate().describe("Last day; customers with a balance at its end get a statement."),
  })
  .refine((p) => p.from <= p.to, { message: "from must be on or before to", path: ["from"] })
