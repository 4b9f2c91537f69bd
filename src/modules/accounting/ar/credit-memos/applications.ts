import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { AccountingError } from "../../errors"
import { Actor, recordAudit } from "../../ledger/audit"
import { assertAtPrecision, MoneyLike } from "../../rules/money"
import { applyCreditToOrder, unapplyCreditBatch } from "../applications"
import { lockMemo, memoDocument } from "./lock"

/**
 * Applies part of a memo to what an order of the same customer and currency
 * still owes (its oldest open documents first). No GL entry: both sides are
 * already in AR. Returns the batch id that unapply takes.
 */
export async function applyCreditMemo(
  knex: Knex,
  id: string,
  input: { order_id: string; amount: MoneyLike; date: string },
  actor: Actor
) {
  const memo = await lockMemo(knex, id)
  if (memo.status !== "issued") {
    throw new AccountingError(
      memo.status === "voided" ? "ALREADY_VOIDED" : "NOT_ISSUED",
      `Credit memo ${memo.number ?? id} is ${memo.status}`
    )
  }
  const amount = assertAtPrecision(input.amount, memo.currency_code, "amount")
  const memoDoc = await memoDocument(knex, id)
  const batch = await applyCreditToOrder(
    knex,
    {
      credit_document_id: memoDoc.id,
      order_id: input.order_id,
      amount,
      date: input.date,
      credit_name: `credit memo ${memo.number}`,
    },
    actor
  )
  await recordAudit(knex, {
    entity_type: "credit_memo",
    entity_id: id,
    action: "apply",
    data: { application_id: batch, order_id: input.order_id, amount: amount.toString(), date: input.date },
    ...actor,
  })
  return batch
}

/** Ends an application batch on `date`: both sides get back exactly what it took. */
export async function unapplyCreditMemo(
  knex: Knex,
  id: string,
  applicationId: string,
  date: string,
  actor: Actor
) {
  const memo = await lockMemo(knex, id)
  const memoDoc = await memoDocument(knex, id)
  await unapplyCreditBatch(
    knex,
    { credit_document_id: memoDoc.id, application_id: applicationId, date, credit_name: `Credit memo ${memo.number}` },
    actor
  )
  await recordAudit(knex, {
    entity_type: "credit_memo",
    entity_id: id,
    action: "unapply",
    data: { application_id: applicationId, date },
    ...actor,
  })
}
