import { model } from "@medusajs/framework/utils"
import { Payout } from "./payout"

/**
 * One balance transaction of a payout (Stripe's itemized payout
 * reconciliation row): a charge, a refund, a fee or an adjustment, with the
 * provider's payment id it settles and the Medusa capture or refund it was
 * matched to (null when none matched: listed, never guessed).
 */
export const PayoutLine = model
  .define(
    { name: "PayoutLine", tableName: "accounting_payout_line" },
    {
      id: model.id({ prefix: "poline" }).primaryKey(),
      line_no: model.number(),
      reporting_category: model.text(),
      provider_payment_id: model.text().nullable(),
      description: model.text().nullable(),
      gross: model.bigNumber(),
      fee: model.bigNumber(),
      net: model.bigNumber(),
      matched_type: model.enum(["capture", "refund"]).nullable(),
      matched_id: model.text().nullable(),
      payout: model.belongsTo(() => Payout, { mappedBy: "lines" }),
    }
  )
  .indexes([{ on: ["provider_payment_id"] }, { on: ["matched_id"], where: "matched_id IS NOT NULL" }])
