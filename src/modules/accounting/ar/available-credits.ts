import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { RESERVING_STATUSES } from "../models/customer-refund"
import { availableCredit } from "../rules/available-credit"
import { Decimal, readMoney } from "../rules/money"
import { ArDocRow, openOf } from "./documents"

/** How the API names the AR credit documents a refund can draw on. */
export function creditSourceType(
  doc: Pick<ArDocRow, "doc_type" | "sign">
): "credit_memo" | "overpayment" | "negative_invoice" | null {
  if (doc.sign !== -1) {
    return null
  }
  if (doc.doc_type === "credit_memo") {
    return "credit_memo"
  }
  // An unapplied received payment is an advance, as an overpayment is.
  if (doc.doc_type === "payment" || doc.doc_type === "received_payment") {
    return "overpayment"
  }
  return "negative_invoice"
}

/**
 * Amounts reserved by refunds being posted (or paid out and not yet booked),
 * per AR document or store-credit account. Every path that consumes a credit
 * (refunds, applications, order netting) subtracts them.
 */
export async function reservations(
  knex: Knex,
  keys: { ar_document_ids?: string[]; store_credit_ids?: string[]; exclude_refund_id?: string }
) {
  const q = knex("accounting_customer_refund_line as l")
    .join("accounting_customer_refund as r", "r.id", "l.refund_id")
    .select("l.ar_document_id", "l.source_type", "l.source_id", "l.raw_amount", "l.amount")
    .whereIn("r.status", [...RESERVING_STATUSES])
    .whereNull("l.deleted_at")
    .andWhere((w) =>
      w
        .whereIn("l.ar_document_id", keys.ar_document_ids ?? [])
        .orWhere((s) =>
          s.where("l.source_type", "store_credit").whereIn("l.source_id", keys.store_credit_ids ?? [])
        )
    )
  if (keys.exclude_refund_id) {
    q.whereNot("r.id", keys.exclude_refund_id)
  }
  const rows = await q
  const reserved = new Map<string, Decimal>()
  for (const row of rows) {
    const key = row.source_type === "store_credit" ? row.source_id : row.ar_document_id
    reserved.set(key, (reserved.get(key) ?? new Decimal(0)).plus(readMoney(row, "amount")))
  }
  return reserved
}

export type AvailableCredit = {
  source_type: "credit_memo" | "overpayment" | "negative_invoice" | "store_credit"
  source_id: string
  ar_document_id: string | null
  document_number: string | null
  document_date: string | null
  order_id: string | null
  currency_code: string
  original_amount: string
  remaining_amount: string
}

/** The customer's open AR credits, less what refunds being posted have reserved. */
export async function availableArCredits(
  knex: Knex,
  customerId: string,
  currency?: string
): Promise<AvailableCredit[]> {
  const q = knex("accounting_ar_document")
    .where({ customer_id: customerId, sign: -1 })
    .whereNull("void_date")
    .whereNull("deleted_at")
    .where("open_amount", ">", 0)
    .orderBy("document_date")
    .orderBy("id")
  if (currency) {
    q.where({ currency_code: currency.toLowerCase() })
  }
  const docs: ArDocRow[] = await q
  const reserved = await reservations(knex, { ar_document_ids: docs.map((d) => d.id) })
  return docs
    .map((doc) => {
      const remaining = availableCredit(openOf(doc), reserved.get(doc.id))
      const type = creditSourceType(doc)!
      return {
        source_type: type,
        source_id: type === "credit_memo" ? doc.source_id : doc.id,
        ar_document_id: doc.id,
        document_number: doc.number,
        document_date: doc.document_date,
        order_id: doc.order_id,
        currency_code: doc.currency_code,
        original_amount: readMoney(doc, "amount").toString(),
        remaining_amount: remaining.toString(),
      }
    })
    .filter((c) => new Decimal(c.remaining_amount).gt(0))
}
