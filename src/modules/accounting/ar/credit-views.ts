import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { readMoney } from "../rules/money"

/**
 * What stands against credit memos (or the AR credit documents of another
 * type: received payments, write-offs): remaining amount and applications
 * (grouped by the batch an admin applied at once), two queries for any
 * number of them.
 */
export async function creditMemoBalances(knex: Knex, memoIds: string[], docType = "credit_memo") {
  const docs = await knex("accounting_ar_document")
    .select("id", "source_id", "raw_open_amount", "open_amount")
    .where({ doc_type: docType })
    .whereIn("source_id", memoIds)
  const apps = docs.length
    ? await knex("accounting_ar_application as a")
        .join("accounting_ar_document as d", "d.id", "a.debit_document_id")
        .select(
          "a.id",
          "a.batch_id",
          "a.kind",
          "a.raw_amount",
          "a.amount",
          "a.application_date",
          "a.unapplied_date",
          "a.customer_refund_id",
          "a.credit_document_id",
          "d.order_id",
          "d.number as document_number",
          "d.doc_type"
        )
        .whereIn(
          "a.credit_document_id",
          docs.map((d: any) => d.id)
        )
        .orderBy("a.application_date")
        .orderBy("a.id")
    : []
  const result = new Map<string, { remaining_amount: string; applications: any[] }>()
  for (const doc of docs) {
    const grouped = new Map<string, any>()
    for (const app of apps.filter((a: any) => a.credit_document_id === doc.id)) {
      const key = app.batch_id ?? app.id
      const current = grouped.get(key)
      const amount = readMoney(app, "amount")
      if (current) {
        current.amount = current.amount.plus(amount)
      } else {
        grouped.set(key, {
          id: key,
          kind: app.kind,
          order_id: app.order_id,
          document_number: app.document_number,
          customer_refund_id: app.customer_refund_id,
          amount,
          date: app.application_date,
          unapplied_date: app.unapplied_date,
        })
      }
    }
    result.set(doc.source_id, {
      remaining_amount: readMoney(doc, "open_amount").toString(),
      applications: [...grouped.values()].map((a) => ({ ...a, amount: a.amount.toString() })),
    })
  }
  return result
}
