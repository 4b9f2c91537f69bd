import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { isReversibleByHand } from "../../../../modules/accounting/rules/reversible-entry"
import { loadReferences } from "../../../utils/names"

/**
 * Every entry about an order: those with a line on it, and those of the
 * credit memos applied to it or written for it and of the refunds paid from
 * its credits (or to its card), voids included. One query.
 */
export async function entryIdsOfOrder(knex: Knex, orderId: string): Promise<string[]> {
  const { rows } = await knex.raw(
    `with order_docs as (
       select id from accounting_ar_document where order_id = :order and deleted_at is null
     ), memos as (
       select id from accounting_credit_memo where order_id = :order and deleted_at is null
       union
       select d.source_id from accounting_ar_application a
         join accounting_ar_document d on d.id = a.credit_document_id
        where d.doc_type = 'credit_memo' and a.deleted_at is null
          and a.debit_document_id in (select id from order_docs)
     ), refunds as (
       select id from accounting_customer_refund where card_order_id = :order and deleted_at is null
       union
       select refund_id from accounting_customer_refund_line
        where deleted_at is null and ar_document_id in (select id from order_docs)
     )
     select entry_id as id from accounting_journal_line where order_id = :order and deleted_at is null
     union
     select id from accounting_journal_entry
      where deleted_at is null
        and ((source_type = 'credit_memo' and source_id in (select id from memos))
          or (source_type = 'customer_refund' and source_id in (select id from refunds)))`,
    { order: orderId }
  )
  return rows.map((r: { id: string }) => r.id)
}

/** The order with this display number ("#11"), if any. */
export async function orderIdByDisplayId(container: MedusaContainer, displayId: number) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  // Query's generated filter type takes display_id as text; Postgres compares it with the integer column.
  const { data } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: { display_id: String(displayId) },
  })
  return (data[0] as { id: string } | undefined)?.id ?? null
}

/**
 * What a list row shows besides the entry itself: its amount (the sum of its
 * debits, exact), the customer and order it is about (by name and number),
 * and whether "Reverse" is offered. Two queries for the page.
 */
export async function withEntryContext<T extends { id: string; status: string; source_type: string | null }>(
  container: MedusaContainer,
  entries: T[]
) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = entries.length
    ? await knex.raw(
        `select entry_id, sum((raw_debit->>'value')::numeric)::text as amount,
                max(customer_id) as customer_id, max(order_id) as order_id
           from accounting_journal_line
          where deleted_at is null and entry_id = any(?)
          group by entry_id`,
        [entries.map((e) => e.id)]
      )
    : { rows: [] }
  const byEntry = new Map<string, any>(rows.map((r: any) => [r.entry_id, r]))
  const refs = await loadReferences(container, {
    customer_ids: rows.map((r: any) => r.customer_id),
    order_ids: rows.map((r: any) => r.order_id),
  })
  return entries.map((entry) => {
    const context = byEntry.get(entry.id)
    return {
      ...entry,
      amount: context?.amount ?? "0",
      customer: refs.customer(context?.customer_id),
      order: refs.order(context?.order_id),
      reversible: isReversibleByHand(entry),
    }
  })
}

/** An entry with its lines' customers and orders by name and number. */
export async function withLineReferences<
  T extends {
    status: string
    source_type: string | null
    lines?: { customer_id: string | null; order_id: string | null }[]
  },
>(container: MedusaContainer, entry: T) {
  const lines = entry.lines ?? []
  const refs = await loadReferences(container, {
    customer_ids: lines.map((l) => l.customer_id),
    order_ids: lines.map((l) => l.order_id),
  })
  return {
    ...entry,
    reversible: isReversibleByHand(entry),
    ...(entry.lines && {
      lines: lines.map((l) => ({
        ...l,
        customer: refs.customer(l.customer_id),
        order: refs.order(l.order_id),
      })),
    }),
  }
}
