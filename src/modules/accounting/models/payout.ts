import { model } from "@medusajs/framework/utils"
import { PayoutLine } from "./payout-line"

export const PAYOUT_SOURCES = ["stripe_csv", "csv", "api"] as const

/**
 * A payment provider's payout to the bank (PO-): Dr Bank (net) + Dr
 * Processing Fees (fee) / Cr the provider's clearing account (gross). Posted
 * when created, never edited (guard trigger); one per provider + payout id,
 * so importing the same file twice posts nothing the second time.
 */
export const Payout = model
  .define(
    { name: "Payout", tableName: "accounting_payout" },
    {
      id: model.id({ prefix: "payout" }).primaryKey(),
      number: model.text(),
      provider_id: model.text(),
      provider_payout_id: model.text(),
      currency_code: model.text(),
      payout_date: model.text(),
      gross: model.bigNumber(),
      fee: model.bigNumber(),
      net: model.bigNumber(),
      source: model.enum([...PAYOUT_SOURCES]),
      journal_entry_id: model.text(),
      created_by: model.text().nullable(),
      lines: model.hasMany(() => PayoutLine, { mappedBy: "payout" }),
    }
  )
  .cascades({ delete: ["lines"] })
  .indexes([
    { on: ["provider_id", "provider_payout_id"], unique: true },
    { on: ["number"], unique: true },
    { on: ["payout_date"] },
  ])
