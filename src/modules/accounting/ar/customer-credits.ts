import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import { AccountingError } from "../errors"
import { Actor, recordAudit } from "../ledger/audit"
import { assertAtPrecision, MoneyLike } from "../rules/money"
import { applyCreditToOrder, unapplyCreditBatch } from "./applications"
import { creditSourceType } from "./available-credits"
import { ArDocRow } from "./documents"

async function creditOf(knex: Knex, customerId: string, documentId: string): Promise<ArDocRow> {
  const doc: ArDocRow | undefined = await knex("accounting_ar_document")
    .where({ id: documentId, sign: -1 })
    .whereNull("deleted_at")
    .first()
  if (!doc) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Credit ${documentId} was not found`)
  }
  if (doc.customer_id !== customerId) {
    throw new AccountingError("CUSTOMER_MISMATCH", `Credit ${doc.number ?? doc.id} belongs to another customer`)
  }
  return doc
}

const nameOf = (doc: ArDocRow) => `${creditSourceType(doc)?.replace("_", " ") ?? "credit"} ${doc.number ?? doc.id}`

/**
 * Applies any open credit of a customer (credit memo, overpayment, unapplied
 * payment, negative invoice) to one of the same customer's open orders in
 * the same currency. Returns the application batch id.
 */
export async function applyCustomerCredit(
  knex: Knex,
  input: { customer_id: string; credit_document_id: string; order_id: string; amount: MoneyLike; date: string },
  actor: Actor
): Promise<string> {
  const doc = await creditOf(knex, input.customer_id, input.credit_document_id)
  const amount = assertAtPrecision(input.amount, doc.currency_code, "amount")
  const batch = await applyCreditToOrder(
    knex,
    { credit_document_id: doc.id, order_id: input.order_id, amount, date: input.date, credit_name: nameOf(doc) },
    actor
  )
  await recordAudit(knex, {
    entity_type: "ar_document",
    entity_id: doc.id,
    action: "apply",
    data: { application_id: batch, order_id: input.order_id, amount: amount.toString(), date: input.date },
    ...actor,
  })
  return batch
}

/** Ends one application batch of a customer's credit on `date`. */
export async function unapplyCustomerCredit(
  knex: Knex,
  input: { customer_id: string; application_id: string; date: string },
  actor: Actor
) {
  const app = await knex("accounting_ar_application")
    .where((q) => q.where({ batch_id: input.application_id }).orWhere({ id: input.application_id }))
    .whereNull("deleted_at")
    .first()
  if (!app) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Application ${input.application_id} was not found`)
  }
  const doc = await creditOf(knex, input.customer_id, app.credit_document_id)
  if (doc.doc_type === "deposit_application") {
    // Its entry moved the money out of Customer Advances: the deposit takes it back, reversing that entry.
    throw new AccountingError(
      "APPLIED_FROM_DEPOSIT",
      `This application is deposit ${doc.number}'s; unapply it from the deposit (Accounting → Deposits)`
    )
  }
  await unapplyCreditBatch(
    knex,
    { credit_document_id: doc.id, application_id: input.application_id, date: input.date, credit_name: nameOf(doc) },
    actor
  )
  await recordAudit(knex, {
    entity_type: "ar_document",
    entity_id: doc.id,
    action: "unapply",
    data: { application_id: input.application_id, date: input.date },
    ...actor,
  })
  return doc.id
}
