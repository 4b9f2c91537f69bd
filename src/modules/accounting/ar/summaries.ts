import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { Decimal, readMoney } from "../rules/money"

const sum = (rows: any[], pick: (r: any) => boolean, sign = false) =>
  rows
    .filter(pick)
    .reduce((acc, r) => acc.plus(readMoney(r, "amount").times(sign ? r.sign : 1)), new Decimal(0))

/**
 * What the ledger says about one order: recognised receivable, paid,
 * refunded, what is still open, its documents and the credit memos and
 * customer refunds that touch it (for the order page).
 */
export async function orderAccountingSummary(knex: Knex, orderId: string) {
  const docs = await knex("accounting_ar_document")
    .where({ order_id: orderId })
    .whereNull("deleted_at")
    .orderBy("document_date")
    .orderBy("id")
  const memos = await knex("accounting_credit_memo as m")
    .leftJoin("accounting_ar_document as d", function () {
      this.on("d.source_id", "m.id").andOn("d.doc_type", knex.raw("'credit_memo'"))
    })
    .select(
      "m.id",
      "m.number",
      "m.status",
      "m.memo_date",
      "m.raw_total",
      "m.total",
      "m.currency_code",
      "d.raw_open_amount",
      "d.open_amount"
    )
    .where((q) =>
      q
        .where("m.order_id", orderId)
        .orWhereIn(
          "d.id",
          knex("accounting_ar_application as a")
            .join("accounting_ar_document as t", "t.id", "a.debit_document_id")
            .where("t.order_id", orderId)
            .select("a.credit_document_id")
        )
    )
    .whereNull("m.deleted_at")
    .orderBy("m.created_at")
  const refunds = await knex("accounting_customer_refund as r")
    .select(
      "r.id",
      "r.number",
      "r.status",
      "r.method",
      "r.refund_date",
      "r.raw_total",
      "r.total",
      "r.currency_code"
    )
    .where((q) =>
      q
        .where("r.card_order_id", orderId)
        .orWhereIn(
          "r.id",
          knex("accounting_customer_refund_line as l")
            .join("accounting_ar_document as d", "d.id", "l.ar_document_id")
            .where("d.order_id", orderId)
            .select("l.refund_id")
        )
        // Refunds of a memo written against the order (a goodwill refund's allowance).
        .orWhereIn(
          "r.id",
          knex("accounting_customer_refund_line as l")
            .join("accounting_credit_memo as m", "m.id", "l.source_id")
            .where("l.source_type", "credit_memo")
            .where("m.order_id", orderId)
            .select("l.refund_id")
        )
    )
    .whereNull("r.deleted_at")
    .orderBy("r.created_at")
  const recognition = (r: any) => r.doc_type === "order" || r.doc_type === "order_adjustment"
  return {
    order_id: orderId,
    currency_code: docs[0]?.currency_code ?? null,
    customer_id: docs[0]?.customer_id ?? null,
    posted: docs.length > 0,
    receivable: sum(docs, recognition, true).toString(),
    paid: sum(docs, (r) => r.doc_type === "payment").toString(),
    refunded: sum(docs, (r) => r.doc_type === "payment_refund").toString(),
    open: docs
      .reduce((acc, r) => acc.plus(readMoney(r, "open_amount").times(r.sign)), new Decimal(0))
      .toString(),
    documents: docs.map((d: any) => ({
      id: d.id,
      doc_type: d.doc_type,
      number: d.number,
      document_date: d.document_date,
      due_date: d.due_date,
      amount: readMoney(d, "amount").times(d.sign).toString(),
      open: readMoney(d, "open_amount").times(d.sign).toString(),
      journal_entry_id: d.journal_entry_id,
    })),
    credit_memos: memos.map((m: any) => ({
      id: m.id,
      number: m.number,
      status: m.status,
      date: m.memo_date,
      total: readMoney(m, "total").toString(),
      remaining: m.raw_open_amount ? readMoney(m, "open_amount").toString() : null,
    })),
    customer_refunds: refunds.map((r: any) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      method: r.method,
      date: r.refund_date,
      total: readMoney(r, "total").toString(),
    })),
  }
}

/** A customer's open balance per currency and latest refunds (for the customer page). */
export async function customerAccountingSummary(knex: Knex, customerId: string) {
  const balances = await knex("accounting_ar_document")
    .select("currency_code")
    .sum({ open: knex.raw("sign * open_amount") })
    .sum({ owed: knex.raw("case when sign = 1 then open_amount else 0 end") })
    .sum({ credit: knex.raw("case when sign = -1 then open_amount else 0 end") })
    .where({ customer_id: customerId })
    .whereNull("deleted_at")
    .groupBy("currency_code")
    .orderBy("currency_code")
  const refunds = await knex("accounting_customer_refund")
    .select("id", "number", "status", "method", "refund_date", "raw_total", "total", "currency_code")
    .where({ customer_id: customerId })
    .whereNull("deleted_at")
    .orderBy("created_at", "desc")
    .limit(5)
  // The customer's activity: latest payments received and write-offs too.
  const recent = (table: string, date: string) =>
    knex(table)
      .select("id", "number", "status", `${date} as date`, "raw_amount", "amount", "currency_code")
      .where({ customer_id: customerId })
      .whereNull("deleted_at")
      .orderBy("created_at", "desc")
      .limit(5)
  const [payments, writeOffs] = await Promise.all([
    recent("accounting_received_payment", "payment_date"),
    recent("accounting_write_off", "write_off_date"),
  ])
  const money = (rows: any[]) =>
    rows.map((r) => ({ ...r, amount: readMoney(r, "amount").toString(), raw_amount: undefined }))
  return {
    customer_id: customerId,
    recent_payments: money(payments),
    recent_write_offs: money(writeOffs),
    balances: balances.map((b: any) => ({
      currency_code: b.currency_code,
      open_balance: new Decimal(b.open).toString(),
      owed: new Decimal(b.owed).toString(),
      credits: new Decimal(b.credit).toString(),
    })),
    recent_refunds: refunds.map((r: any) => ({
      ...r,
      total: readMoney(r, "total").toString(),
      raw_total: undefined,
    })),
  }
}
