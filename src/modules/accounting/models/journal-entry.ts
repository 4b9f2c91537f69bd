import { model } from "@medusajs/framework/utils"
import { JournalLine } from "./journal-line"

export const ENTRY_STATUSES = ["draft", "posted", "reversed"] as const

/**
 * A journal entry. Once posted it is append-only: the database refuses any
 * change but the posted -> reversed transition (see the guard migration), and
 * `hash` chains it to the entry posted before it.
 */
export const JournalEntry = model
  .define(
    { name: "JournalEntry", tableName: "accounting_journal_entry" },
    {
      id: model.id({ prefix: "je" }).primaryKey(),
      number: model.text().nullable(),
      entry_date: model.text(),
      status: model.enum([...ENTRY_STATUSES]).default("draft"),
      currency_code: model.text(),
      memo: model.text().nullable(),
      source_type: model.text().nullable(),
      source_id: model.text().nullable(),
      source_kind: model.text().nullable(),
      origin: model.text().default("api"),
      created_by: model.text().nullable(),
      posted_by: model.text().nullable(),
      posted_at: model.dateTime().nullable(),
      reversal_of_id: model.text().nullable(),
      reversed_by_id: model.text().nullable(),
      chain_seq: model.number().nullable(),
      prev_hash: model.text().nullable(),
      hash: model.text().nullable(),
      metadata: model.json().nullable(),
      // The day the item happened when it was posted later, on the first open day (late items).
      original_date: model.text().nullable(),
      lines: model.hasMany(() => JournalLine, { mappedBy: "entry" }),
    }
  )
  .cascades({ delete: ["lines"] })
  .indexes([
    { on: ["number"], unique: true, where: "number IS NOT NULL" },
    { on: ["chain_seq"], unique: true, where: "chain_seq IS NOT NULL" },
    {
      // A source (type + id + kind of event) posts at most once.
      on: ["source_type", "source_id", "source_kind"],
      unique: true,
      where: "source_type IS NOT NULL AND deleted_at IS NULL",
    },
    { on: ["entry_date"] },
    { on: ["status"] },
    { on: ["reversal_of_id"] },
  ])
