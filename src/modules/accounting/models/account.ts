import { model } from "@medusajs/framework/utils"
import { AccountMapping } from "./account-mapping"
import { JournalLine } from "./journal-line"

export const ACCOUNT_TYPES = ["asset", "liability", "equity", "income", "expense"] as const

/** A general-ledger account of the chart of accounts. */
export const Account = model
  .define(
    { name: "AccountingAccount", tableName: "accounting_account" },
    {
      id: model.id({ prefix: "acct" }).primaryKey(),
      code: model.text().searchable(),
      name: model.text().searchable(),
      type: model.enum([...ACCOUNT_TYPES]),
      description: model.text().nullable(),
      active: model.boolean().default(true),
      // Money can be paid out of it (bank, clearing, deposits): the only
      // accounts a refund's payment_account_id or a method mapping may name.
      is_payment_account: model.boolean().default(false),
      metadata: model.json().nullable(),
      mappings: model.hasMany(() => AccountMapping, { mappedBy: "account" }),
      lines: model.hasMany(() => JournalLine, { mappedBy: "account" }),
    }
  )
  .indexes([{ on: ["code"], unique: true, where: "deleted_at IS NULL" }])
