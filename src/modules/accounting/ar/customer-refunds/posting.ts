import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { advisoryLock } from "../../db"
import { AccountingError } from "../../errors"
import { Actor, recordAudit } from "../../ledger/audit"
import { assertPeriodOpen } from "../../ledger/periods"
import { postEntry } from "../../ledger/posting"
import { nextDocumentNumber } from "../../ledger/sequences"
import { loadAccountMap, roleAccount } from "../../ledger/settings"
import { MoneyLike, rawMoney, readMoney, sumMoney, toDecimal } from "../../rules/money"
import { applyDocuments, insertArDocument, lockDocuments } from "../documents"
import { loadRefundInput, lockRefund, refuseUnlessDraft } from "./drafts"
import { assertAvailable, assertCardPayment, resolveLines } from "./lines"
import type { RefundContext } from "./types"

/**
 * First half of posting: under row locks on the refund and every credit it
 * draws on, checks again what is available at this moment, that the period
 * is open, and reserves the credits (status `posting`) while money moves.
 * Concurrent posts against the same credit queue on the locks and then see
 * this reservation: no double click or parallel admin can over-refund.
 */
export async function reserveCustomerRefund(knex: Knex, id: string, context: RefundContext, actor: Actor) {
  const refund = await lockRefund(knex, id)
  refuseUnlessDraft(refund, "posted")
  await assertPeriodOpen(knex, refund.refund_date)
  const input = await loadRefundInput(knex, id)
  const lines = await resolveLines(knex, input, context)
  const docIds = lines.map((l) => l.ar_document_id).filter((x): x is string => !!x)
  const docs = docIds.length ? await lockDocuments(knex, (q) => q.whereIn("id", docIds)) : []
  for (const accountId of lines
    .filter((l) => l.source_type === "store_credit")
    .map((l) => l.source_id)
    .sort()) {
    await advisoryLock(knex, `store_credit:${accountId}`)
  }
  const latest = docs
    .map((d) => d.document_date)
    .sort()
    .pop()
  if (latest && refund.refund_date < latest) {
    throw new AccountingError(
      "DATE_BEFORE_ORIGINAL",
      `The refund date ${refund.refund_date} is before ${latest}, the date of a credit it draws on`
    )
  }
  const total = sumMoney(lines.map((l) => l.amount))
  assertCardPayment(input, context, total)
  await assertAvailable(knex, lines, context, id)
  await knex("accounting_customer_refund")
    .where({ id })
    .update({ status: "posting", posting_started_at: knex.fn.now(), updated_at: knex.fn.now() })
  await recordAudit(knex, {
    entity_type: "customer_refund",
    entity_id: id,
    action: "reserve",
    from_status: "draft",
    to_status: "posting",
    ...actor,
  })
  return { ...refund, total: total.toString(), lines }
}

/** Compensation of the reservation: the draft is back as it was. */
export async function releaseCustomerRefund(knex: Knex, id: string, reason: string, actor: Actor) {
  const updated = await knex("accounting_customer_refund")
    .where({ id, status: "posting" })
    .update({ status: "draft", posting_started_at: null, updated_at: knex.fn.now() })
  if (updated) {
    await recordAudit(knex, {
      entity_type: "customer_refund",
      entity_id: id,
      action: "release",
      from_status: "posting",
      to_status: "draft",
      data: { reason },
      ...actor,
    })
  }
}

/**
 * Before a card refund reaches Medusa: which order's credit line it will add
 * and for how much, so an order sync running meanwhile already leaves it out.
 */
export async function recordCardRefundIntent(
  knex: Knex,
  id: string,
  intent: { order_id: string | null; credit_line_amount: MoneyLike }
) {
  const amount = toDecimal(intent.credit_line_amount)
  await knex("accounting_customer_refund")
    .where({ id, status: "posting" })
    .update({
      card_order_id: intent.order_id,
      card_credit_line_amount: amount.toString(),
      raw_card_credit_line_amount: rawMoney(amount),
      updated_at: knex.fn.now(),
    })
}

export type MoneyMoved = {
  medusa_refund_id?: string | null
  store_credit_transaction_id?: string | null
}

/**
 * Second half: numbers the refund, posts Dr AR (Dr Customer Deposits for
 * store credit paid out) / Cr the payment account, and consumes the credits.
 */
export async function completeCustomerRefund(knex: Knex, id: string, moved: MoneyMoved, actor: Actor) {
  const refund = await lockRefund(knex, id)
  if (refund.status !== "posting") {
    throw new AccountingError("NOT_POSTED", `Refund ${id} is ${refund.status}, not being posted`)
  }
  const lines = await knex("accounting_customer_refund_line")
    .where({ refund_id: id })
    .whereNull("deleted_at")
    .orderBy("id")
  const docIds = lines.map((l: any) => l.ar_document_id).filter(Boolean)
  const docs = docIds.length ? await lockDocuments(knex, (q) => q.whereIn("id", docIds)) : []
  const byId = new Map(docs.map((d) => [d.id, d]))
  const map = await loadAccountMap(knex)
  const number = await nextDocumentNumber(knex, "customer_refund")
  const total = readMoney(refund, "total")
  const arPart = sumMoney(lines.filter((l: any) => l.ar_document_id).map((l: any) => readMoney(l, "amount")))
  const depositPart = total.minus(arPart)
  const arLines = lines
    .filter((l: any) => l.ar_document_id)
    .map((l: any) => ({
      account_id: roleAccount(map, "ar"),
      debit: readMoney(l, "amount"),
      description: `${byId.get(l.ar_document_id)?.number ?? l.source_id}`,
      customer_id: refund.customer_id,
      order_id: byId.get(l.ar_document_id)?.order_id ?? null,
    }))
  const { entry } = await postEntry(knex, {
    entry_date: refund.refund_date,
    currency_code: refund.currency_code,
    memo: `Customer refund ${number} (${refund.method})${refund.reference ? ` ref ${refund.reference}` : ""}`,
    source_type: "customer_refund",
    source_id: id,
    source_kind: "posted",
    origin: actor.origin,
    actor_id: actor.actor_id,
    lines: [
      ...arLines,
      ...(depositPart.gt(0)
        ? [
            {
              account_id: roleAccount(map, "customer_deposits"),
              debit: depositPart,
              description: "Store credit paid out",
              customer_id: refund.customer_id,
            },
          ]
        : []),
      {
        account_id: refund.payment_account_id,
        credit: total,
        description: `Refund ${refund.method}`,
        customer_id: refund.customer_id,
      },
    ],
  })
  if (arPart.gt(0)) {
    const refundDoc = await insertArDocument(knex, {
      doc_type: "customer_refund",
      sign: 1,
      number,
      customer_id: refund.customer_id,
      currency_code: refund.currency_code,
      document_date: refund.refund_date,
      due_date: refund.refund_date,
      amount: arPart,
      source_id: id,
      journal_entry_id: entry.id,
    })
    for (const line of lines.filter((l: any) => l.ar_document_id)) {
      await applyDocuments(knex, {
        credit: byId.get(line.ar_document_id)!,
        debit: refundDoc,
        amount: readMoney(line, "amount"),
        date: refund.refund_date,
        kind: "refund",
        customer_refund_id: id,
        actor_id: actor.actor_id,
      })
    }
  }
  await knex("accounting_customer_refund")
    .where({ id })
    .update({
      status: "posted",
      number,
      journal_entry_id: entry.id,
      medusa_refund_id: moved.medusa_refund_id ?? null,
      store_credit_transaction_id: moved.store_credit_transaction_id ?? null,
      posted_by: actor.actor_id ?? null,
      // The moment of posting (now() would be the transaction start).
      posted_at: knex.raw("clock_timestamp()"),
      updated_at: knex.fn.now(),
    })
  await recordAudit(knex, {
    entity_type: "customer_refund",
    entity_id: id,
    action: "post",
    from_status: "posting",
    to_status: "posted",
    data: { number, journal_entry_id: entry.id, ...moved },
    ...actor,
  })
  return { number, journal_entry_id: entry.id }
}
