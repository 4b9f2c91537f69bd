import { model } from "@medusajs/framework/utils"
import { BankDeposit } from "./bank-deposit"

export const DEPOSIT_RECEIPT_TYPES = ["capture", "received_payment"] as const
export type DepositReceiptType = (typeof DEPOSIT_RECEIPT_TYPES)[number]

/**
 * One receipt on a deposit slip: a Medusa capture or a received payment
 * (PMT-). Unique per receipt: a receipt is deposited at most once.
 */
export const BankDepositItem = model
  .define(
    { name: "BankDepositItem", tableName: "accounting_bank_deposit_item" },
    {
      id: model.id({ prefix: "bditem" }).primaryKey(),
      line_no: model.number(),
      receipt_type: model.enum([...DEPOSIT_RECEIPT_TYPES]),
      receipt_id: model.text(),
      receipt_date: model.text(),
      description: model.text().nullable(),
      amount: model.bigNumber(),
      deposit: model.belongsTo(() => BankDeposit, { mappedBy: "items" }),
    }
  )
  .indexes([{ on: ["receipt_type", "receipt_id"], unique: true }])
