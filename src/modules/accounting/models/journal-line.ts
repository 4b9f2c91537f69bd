import { model } from "@medusajs/framework/utils"
import { Account } from "./account"
import { JournalEntry } from "./journal-entry"

/** One debit or credit of a journal entry (exactly one of the two is non-zero). */
export const JournalLine = model
  .define(
    { name: "JournalLine", tableName: "accounting_journal_line" },
    {
      id: model.id({ prefix: "jel" }).primaryKey(),
      line_no: model.number(),
      debit: model.bigNumber().default(0),
      credit: model.bigNumber().default(0),
      description: model.text().nullable(),
      customer_id: model.text().nullable(),
      order_id: model.text().nullable(),
      entry: model.belongsTo(() => JournalEntry, { mappedBy: "lines" }),
      account: model.belongsTo(() => Account, { mappedBy: "lines" }),
    }
  )
  .indexes([
    { on: ["customer_id"], where: "customer_id IS NOT NULL" },
    { on: ["order_id"], where: "order_id IS NOT NULL" },
  ])
