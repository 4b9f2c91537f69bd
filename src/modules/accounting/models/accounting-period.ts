import { model } from "@medusajs/framework/utils"

export const PERIOD_STATUSES = ["open", "closed"] as const

/** A date range (inclusive, YYYY-MM-DD) that can be closed to postings. */
export const AccountingPeriod = model
  .define(
    { name: "AccountingPeriod", tableName: "accounting_period" },
    {
      id: model.id({ prefix: "aper" }).primaryKey(),
      name: model.text(),
      start_date: model.text(),
      end_date: model.text(),
      status: model.enum([...PERIOD_STATUSES]).default("open"),
      closed_by: model.text().nullable(),
      closed_at: model.dateTime().nullable(),
      reopened_by: model.text().nullable(),
      reopened_at: model.dateTime().nullable(),
    }
  )
  .indexes([{ on: ["start_date", "end_date"] }])
