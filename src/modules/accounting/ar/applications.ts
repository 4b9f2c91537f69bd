import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { AccountingError } from "../errors"
import { Actor } from "../ledger/audit"
import { assertDateAllowed } from "../ledger/clock"
import { assertPeriodOpen } from "../ledger/periods"
import { assertApplicationWithinOpen } from "../rules/application-limit"
import { availableCredit } from "../rules/available-credit"
import { Decimal, MoneyLike, readMoney, sumMoney } from "../rules/money"
import { reservations } from "./available-credits"
import { applyDocuments, ArDocRow, lockDocuments, openAsOf, openOf, unapply } from "./documents"

export type ApplyToOrderInput = {
  credit_document_id: string
  order_id: string
  amount: Decimal
  date: string
  /** How refusals name the credit ("credit memo CM-00001"). */
  credit_name: string
  /** A batch to add to (a payment's allocations share one); a new one otherwise. */
  batch_id?: string
}

/**
 * Applies an open credit document (memo, payment, overpayment, negative
 * invoice, write-off) to what one order of the same customer and currency
 * still owes, its oldest open documents first. No GL entry: both sides are
 * already in AR. Refusals: CUSTOMER_MISMATCH, CURRENCY_MISMATCH,
 * APPLICATION_EXCEEDS_OPEN (also what refunds being posted reserve), and
 * DATE_BEFORE_ORIGINAL. Returns the batch id that unapply takes.
 */
export async function applyCreditToOrder(knex: Knex, input: ApplyToOrderInput, actor: Actor): Promise<string> {
  const docs = await lockDocuments(knex, (q) =>
    q.where((w) =>
      w
        .where({ id: input.credit_document_id })
        .orWhere((o) => o.where({ order_id: input.order_id, sign: 1 }).whereNull("void_date"))
    )
  )
  const credit = docs.find((d) => d.id === input.credit_document_id)
  if (!credit || credit.sign !== -1) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Credit ${input.credit_document_id} was not found`)
  }
  if (credit.void_date) {
    throw new AccountingError("ALREADY_VOIDED", `${input.credit_name} is voided`)
  }
  const debits = docs
    .filter((d) => d.id !== credit.id && openOf(d).gt(0))
    .sort((a, b) => a.document_date.localeCompare(b.document_date) || a.id.localeCompare(b.id))
  const orderDocs = docs.filter((d) => d.order_id === input.order_id && d.id !== credit.id)
  if (!orderDocs.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Order ${input.order_id} has nothing in accounts receivable`
    )
  }
  assertSameAccount(orderDocs[0], credit, input)
  const clock = await assertDateAllowed(knex, input.date)
  const reserved = await reservations(knex, { ar_document_ids: [credit.id] })
  // What stood open on the application date and today, not only what is open now.
  const openThen = (await openAsOf(knex, [credit.id], [input.date, clock.today])).get(credit.id)
  assertApplicationWithinOpen({
    amount: input.amount,
    credit_available: availableCredit(Decimal.min(openOf(credit), openThen ?? openOf(credit)), reserved.get(credit.id)),
    debit_open: sumMoney(debits.map(openOf)),
    credit_name: input.credit_name,
    debit_name: `order ${orderDocs.find((d) => d.doc_type === "order")?.number ?? input.order_id}`,
  })
  const latest = [credit.document_date, ...debits.map((d) => d.document_date)].sort().pop()!
  if (input.date < latest) {
    throw new AccountingError(
      "DATE_BEFORE_ORIGINAL",
      `The application date ${input.date} is before ${latest}, the date of a document it settles`
    )
  }
  await assertPeriodOpen(knex, input.date)
  const batch = input.batch_id ?? generateEntityId(undefined, "arapp")
  let rest = input.amount
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
  return batch
}

function assertSameAccount(order: ArDocRow, credit: ArDocRow, input: ApplyToOrderInput) {
  if (order.customer_id !== credit.customer_id) {
    throw new AccountingError(
      "CUSTOMER_MISMATCH",
      `Order ${input.order_id} belongs to another customer than ${input.credit_name}`
    )
  }
  if (order.currency_code !== credit.currency_code) {
    throw new AccountingError(
      "CURRENCY_MISMATCH",
      `Order ${input.order_id} is in ${order.currency_code.toUpperCase()}, ${input.credit_name} in ${credit.currency_code.toUpperCase()}`
    )
  }
}

/**
 * Ends a standing manual application batch (or one application) of a credit
 * on `date`: both sides get back exactly what it took. Returns what was
 * released, per debit document.
 */
export async function unapplyCreditBatch(
  knex: Knex,
  input: { credit_document_id: string; application_id: string; date: string; credit_name: string },
  actor: Actor
) {
  const apps = await knex("accounting_ar_application")
    .where({ credit_document_id: input.credit_document_id, kind: "manual" })
    .andWhere((q) => q.where({ batch_id: input.application_id }).orWhere({ id: input.application_id }))
    .whereNull("unapplied_date")
    .whereNull("deleted_at")
  if (!apps.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `${input.credit_name} has no standing application ${input.application_id}`
    )
  }
  const since = apps
    .map((a: any) => a.application_date)
    .sort()
    .pop()
  if (input.date < since) {
    throw new AccountingError(
      "DATE_BEFORE_ORIGINAL",
      `The unapply date ${input.date} is before the application date ${since}`
    )
  }
  await assertDateAllowed(knex, input.date)
  await assertPeriodOpen(knex, input.date)
  await unapplyAll(knex, apps, input.date, actor)
}

/** Ends the given standing applications on `date` (locks both sides first, in id order). */
export async function unapplyAll(knex: Knex, apps: any[], date: string, actor: Actor) {
  if (!apps.length) {
    return
  }
  const ids = [...new Set(apps.flatMap((a: any) => [a.credit_document_id, a.debit_document_id]))]
  const docs = await lockDocuments(knex, (q) => q.whereIn("id", ids))
  const byId = new Map(docs.map((d) => [d.id, d]))
  for (const app of apps) {
    await unapply(knex, {
      application: { ...app, amount: readMoney(app, "amount") },
      docs: byId,
      date,
      actor_id: actor.actor_id,
    })
  }
}

