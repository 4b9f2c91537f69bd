import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { AccountingError } from "../../errors"
import { Actor, recordAudit } from "../../ledger/audit"
import { assertDateAllowed } from "../../ledger/clock"
import { assertPeriodOpen } from "../../ledger/periods"
import { assertApplicationWithinOpen } from "../../rules/application-limit"
import { availableCredit } from "../../rules/available-credit"
import { assertAtPrecision, Decimal, MoneyLike, readMoney, sumMoney } from "../../rules/money"
import { reservations } from "../available-credits"
import { applyDocuments, lockDocuments, openAsOf, openOf, unapply } from "../documents"
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
  const docs = await lockDocuments(knex, (q) =>
    q.where((w) =>
      w
        .where({ id: memoDoc.id })
        .orWhere((o) => o.where({ order_id: input.order_id, sign: 1 }).whereNull("void_date"))
    )
  )
  const credit = docs.find((d) => d.id === memoDoc.id)!
  const debits = docs
    .filter((d) => d.id !== memoDoc.id && openOf(d).gt(0))
    .sort((a, b) => a.document_date.localeCompare(b.document_date) || a.id.localeCompare(b.id))
  const orderDocs = docs.filter((d) => d.order_id === input.order_id)
  if (!orderDocs.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Order ${input.order_id} has nothing in accounts receivable`
    )
  }
  if (orderDocs[0].customer_id !== credit.customer_id) {
    throw new AccountingError(
      "CUSTOMER_MISMATCH",
      `Order ${input.order_id} belongs to another customer than credit memo ${memo.number}`
    )
  }
  if (orderDocs[0].currency_code !== credit.currency_code) {
    throw new AccountingError(
      "CURRENCY_MISMATCH",
      `Order ${input.order_id} is in ${orderDocs[0].currency_code.toUpperCase()}, credit memo ${memo.number} in ${credit.currency_code.toUpperCase()}`
    )
  }
  const clock = await assertDateAllowed(knex, input.date)
  const reserved = await reservations(knex, { ar_document_ids: [credit.id] })
  // What stood open on the application date and today, not only what is open now.
  const openThen = (await openAsOf(knex, [credit.id], [input.date, clock.today])).get(credit.id)
  assertApplicationWithinOpen({
    amount,
    credit_available: availableCredit(Decimal.min(openOf(credit), openThen ?? openOf(credit)), reserved.get(credit.id)),
    debit_open: sumMoney(debits.map(openOf)),
    credit_name: `credit memo ${memo.number}`,
    debit_name: `order ${orderDocs.find((d) => d.doc_type === "order")?.number ?? input.order_id}`,
  })
  const latest = [memo.memo_date, ...debits.map((d) => d.document_date)].sort().pop()!
  if (input.date < latest) {
    throw new AccountingError(
      "DATE_BEFORE_ORIGINAL",
      `The application date ${input.date} is before ${latest}, the date of a document it settles`
    )
  }
  await assertPeriodOpen(knex, input.date)
  const batch = generateEntityId(undefined, "arapp")
  let rest = amount
  for (const debit of debits) {
    if (!rest.gt(0)) {
      break
    }
    const part = Decimal.min(rest, openOf(debit))
    await applyDocuments(knex, {
      credit,
      debit,
      amount: part,
      date: input.date,
      kind: "manual",
      batch_id: batch,
      actor_id: actor.actor_id,
    })
    rest = rest.minus(part)
  }
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
  const apps = await knex("accounting_ar_application")
    .where({ credit_document_id: memoDoc.id, kind: "manual" })
    .andWhere((q) => q.where({ batch_id: applicationId }).orWhere({ id: applicationId }))
    .whereNull("unapplied_date")
    .whereNull("deleted_at")
  if (!apps.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Credit memo ${memo.number} has no standing application ${applicationId}`
    )
  }
  const since = apps
    .map((a: any) => a.application_date)
    .sort()
    .pop()
  if (date < since) {
    throw new AccountingError(
      "DATE_BEFORE_ORIGINAL",
      `The unapply date ${date} is before the application date ${since}`
    )
  }
  await assertDateAllowed(knex, date)
  await assertPeriodOpen(knex, date)
  const docs = await lockDocuments(knex, (q) =>
    q.whereIn("id", [memoDoc.id, ...apps.map((a: any) => a.debit_document_id)])
  )
  const byId = new Map(docs.map((d) => [d.id, d]))
  for (const app of apps) {
    await unapply(knex, {
      application: { ...app, amount: readMoney(app, "amount") },
      docs: byId,
      date,
      actor_id: actor.actor_id,
    })
  }
  await recordAudit(knex, {
    entity_type: "credit_memo",
    entity_id: id,
    action: "unapply",
    data: { application_id: applicationId, date },
    ...actor,
  })
}
