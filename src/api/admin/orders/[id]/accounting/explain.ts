import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { entryIdsOfOrder } from "../../../accounting/journal-entries/entry-context"

/**
 * What the order widget needs to explain its figures, beyond the ledger's
 * summary: the credit memos applied to the order (which memo, how much,
 * the application to unapply), the refunds paid from the order's own
 * credits (the part each took), and the journal entries about the order.
 * Exact decimals as strings; three queries.
 */
export async function explainOrder(knex: Knex, orderId: string) {
  const { rows: applications } = await knex.raw(
    `select coalesce(a.batch_id, a.id) as application_id, m.id as credit_memo_id, m.number as credit_memo_number,
            a.kind, min(a.application_date) as date,
            sum(coalesce((a.raw_amount->>'value')::numeric, a.amount))::text as amount
       from accounting_ar_application a
       join accounting_ar_document c on c.id = a.credit_document_id and c.doc_type = 'credit_memo'
       join accounting_credit_memo m on m.id = c.source_id
       join accounting_ar_document t on t.id = a.debit_document_id
      where t.order_id = :order and a.unapplied_date is null and a.deleted_at is null
      group by coalesce(a.batch_id, a.id), m.id, m.number, a.kind
      order by min(a.application_date), m.number`,
    { order: orderId }
  )
  const { rows: refunds } = await knex.raw(
    `select r.id, r.number, r.method, r.status, r.refund_date as date,
            sum(coalesce((l.raw_amount->>'value')::numeric, l.amount))::text as amount
       from accounting_customer_refund_line l
       join accounting_customer_refund r on r.id = l.refund_id
       join accounting_ar_document d on d.id = l.ar_document_id
      where d.order_id = :order and l.deleted_at is null and r.deleted_at is null and r.status <> 'draft'
      group by r.id, r.number, r.method, r.status, r.refund_date
      order by r.refund_date, r.number`,
    { order: orderId }
  )
  const ids = await entryIdsOfOrder(knex, orderId)
  const entries = ids.length
    ? await knex("accounting_journal_entry")
        .select("id", "number", "entry_date", "memo", "source_type", "status")
        .whereIn("id", ids)
        .orderBy("chain_seq")
    : []
  return { credit_applications: applications, refunds_from_credits: refunds, journal_entries: entries }
}
