import type { Knex } from "@medusajs/framework/mikro-orm/knex"

export type OpenOrderRow = {
  order_id: string
  currency_code: string
  date: string
  due_date: string
  open_amount: string
}

/**
 * The orders of a customer that still owe something, as a credit memo
 * application sees them: the open amount of the order's debit documents
 * (receivable, adjustments, refunds paid out) that are not voided. Oldest
 * first; exact decimals.
 */
export async function openOrdersOf(
  knex: Knex,
  customerId: string,
  currency?: string
): Promise<OpenOrderRow[]> {
  const { rows } = await knex.raw(
    `select d.order_id, d.currency_code, min(d.document_date) as date, min(d.due_date) as due_date,
            sum(coalesce((d.raw_open_amount->>'value')::numeric, d.open_amount))::text as open_amount
       from accounting_ar_document d
      where d.customer_id = :customer and d.sign = 1 and d.order_id is not null
        and d.void_date is null and d.deleted_at is null
        ${currency ? "and d.currency_code = :currency" : ""}
      group by d.order_id, d.currency_code
     having sum(d.open_amount) > 0
      order by min(d.document_date), d.order_id
      limit 200`,
    { customer: customerId, ...(currency && { currency }) }
  )
  return rows
}
