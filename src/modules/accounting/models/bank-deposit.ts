import { model } from "@medusajs/framework/utils"
import { BankDepositItem } from "./bank-deposit-item"

/**
 * A bank deposit (DS-) of receipts sitting in Undeposited Funds (checks and
 * cash received, captures of providers mapped there): Dr Bank / Cr
 * Undeposited Funds for their total. Posted when created, never edited
 * (guard trigger); each receipt is deposited once (unique item key).
 */
export const BankDeposit = model
  .define(
    { name: "BankDeposit", tableName: "accounting_bank_deposit" },
    {
      id: model.id({ prefix: "bdep" }).primaryKey(),
      number: model.text(),
      currency_code: model.text(),
      deposit_date: model.text(),
      reference: model.text().nullable(),
      memo: model.text().nullable(),
      total: model.bigNumber(),
      journal_entry_id: model.text(),
      created_by: model.text().nullable(),
      items: model.hasMany(() => BankDepositItem, { mappedBy: "deposit" }),
    }
  )
  .cascades({ delete: ["items"] })
  .indexes([{ on: ["number"], unique: true }, { on: ["deposit_date"] }])
