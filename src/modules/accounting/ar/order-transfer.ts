import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { loadClock } from "../ledger/clock"
import { firstOpenDay } from "../ledger/periods"
import { postEntry } from "../ledger/posting"
import { roleAccount } from "../ledger/settings"
import { latestDate } from "../rules/dates"
import type { AccountMap } from "../rules/roles"
import { applyDocuments, ArDocRow, insertArDocument, lockDocuments, openOf } from "./documents"

/** Order documents that belong to the order's customer (memos and refunds are the customer's own). */
const MOVABLE = ["order", "order_adjustment", "payment", "payment_refund", "transfer"]

/**
 * Whether any of the order's documents (read under the order's lock) could
 * belong to another customer: if none, there is nothing to transfer and
 * the sync skips the locked read and its savepoint.
 */
export const mayTransfer = (docs: ArDocRow[], customerId: string) =>
  docs.some((d) => MOVABLE.includes(d.doc_type) && d.customer_id !== customerId && !d.void_date)

export type TransferResult = { entry_id: string; number: string | null; moved: number } | null

/**
 * Medusa's order transfer gives the order another customer: what is still
 * open on the order moves to that customer by a reclassification entry
 * (Dr AR new / Cr AR old for a receivable, the other way for a credit), and
 * in the subledger a `transfer` document closes each open item of the old
 * customer while its twin opens it for the new one. Past as-of pictures keep
 * the old customer; nothing posted is edited. Idempotent: once moved, no
 * open item of another customer is left on the order.
 */
export async function transferOrderDocuments(
  knex: Knex,
  input: {
    order_id: string
    order_number: string
    customer_id: string
    map: AccountMap
    origin: string
    late_items: boolean
  }
): Promise<TransferResult> {
  const docs = await lockDocuments(knex, (q) =>
    q
      .where({ order_id: input.order_id })
      .whereIn("doc_type", MOVABLE)
      .whereNot("customer_id", input.customer_id)
      .whereNull("void_date")
      .where("open_amount", ">", 0)
  )
  if (!docs.length) {
    return null
  }
  const clock = await loadClock(knex)
  const latest = latestDate(clock.today, ...docs.map((d) => d.document_date))
  const date = input.late_items ? await firstOpenDay(knex, latest) : latest
  const ar = roleAccount(input.map, "ar")
  const { rows } = await knex.raw(
    `select count(*)::int as n from accounting_journal_entry where source_type = 'order_transfer' and source_id = ?`,
    [input.order_id]
  )
  const currency = docs[0].currency_code
  const { entry } = await postEntry(knex, {
    entry_date: date,
    currency_code: currency,
    memo: `Order ${input.order_number} transferred to customer ${input.customer_id}`,
    source_type: "order_transfer",
    source_id: input.order_id,
    source_kind: `to:${input.customer_id}:${rows[0].n + 1}`,
    origin: input.origin,
    lines: docs.flatMap((d) => {
      const open = openOf(d)
      const to = { account_id: ar, customer_id: input.customer_id, order_id: input.order_id }
      const from = { account_id: ar, customer_id: d.customer_id, order_id: input.order_id }
      const description = `${d.number ?? d.id} reclassified`
      // A receivable moves as a debit of the new customer; a credit as a credit of it.
      return d.sign === 1
        ? [
            { ...to, debit: open, description },
            { ...from, credit: open, description },
          ]
        : [
            { ...from, debit: open, description },
            { ...to, credit: open, description },
          ]
    }),
  })
  for (const doc of docs) {
    await moveDocument(knex, doc, { date, customer_id: input.customer_id, journal_entry_id: entry.id })
  }
  return { entry_id: entry.id, number: entry.number, moved: docs.length }
}

async function moveDocument(
  knex: Knex,
  doc: ArDocRow,
  { date, customer_id, journal_entry_id }: { date: string; customer_id: string; journal_entry_id: string }
) {
  const open = openOf(doc)
  const common = {
    doc_type: "transfer",
    currency_code: doc.currency_code,
    order_id: doc.order_id,
    document_date: date,
    due_date: date,
    amount: open,
    journal_entry_id,
    number: `${doc.number ?? doc.id} transfer`,
  }
  const out = await insertArDocument(knex, {
    ...common,
    sign: doc.sign === 1 ? -1 : 1,
    customer_id: doc.customer_id,
    source_id: `${doc.id}:out`,
  })
  await insertArDocument(knex, {
    ...common,
    sign: doc.sign,
    customer_id,
    // Aging goes on from the item's own due date.
    due_date: doc.due_date,
    source_id: `${doc.id}:in`,
  })
  // The old customer's item is closed by its mirror, on the transfer day.
  await applyDocuments(knex, {
    credit: doc.sign === 1 ? out : doc,
    debit: doc.sign === 1 ? doc : out,
    amount: open,
    date,
    kind: "auto",
  })
}
