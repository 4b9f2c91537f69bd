import { model } from "@medusajs/framework/utils"
import { CreditMemo } from "./credit-memo"

export const CREDIT_MEMO_LINE_KINDS = ["item", "shipping", "adjustment"] as const

export const CreditMemoLine = model.define(
  { name: "CreditMemoLine", tableName: "accounting_credit_memo_line" },
  {
    id: model.id({ prefix: "cmline" }).primaryKey(),
    kind: model.enum([...CREDIT_MEMO_LINE_KINDS]).default("item"),
    description: model.text(),
    amount: model.bigNumber(),
    tax_amount: model.bigNumber().default(0),
    line_item_id: model.text().nullable(),
    credit_memo: model.belongsTo(() => CreditMemo, { mappedBy: "lines" }),
  }
)
