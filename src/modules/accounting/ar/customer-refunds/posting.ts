import { assertApproved } from "../approvals"
import { checkReasonCode } from "../../ledger/reason-codes"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { advisoryLock } from "../../db"
import { AccountingError } from "../../errors"
import { Actor, recordAudit } from "../../ledger/audit"
import { assertDateAllowed } from "../../ledger/clock"
import { assertPeriodOpen } from "../../ledger/periods"
import { postEntry } from "../../ledger/posting"
import { nextDocumentNumber } from "../../ledger/sequences"
import { loadAccountMap, roleAccount } from "../../ledger/settings"
import { moneyColumns, readMoney, sumMoney } from "../../rules/money"
import { applyDocuments, insertArDocument, lockDocuments } from "../documents"
import { loadRefundInput, lockRefund, refuseUnlessDraft } from "./drafts"
import { assertAvailable, assertCardPayment, assertOrdersBooked, resolveLines } from "./lines"
import type { RefundContext } from "./types"

/**
 * First half of posting: under row locks on the refund and every credit it
 * draws on, checks again what is available at this moment, that the period
 * is open, and reserves the credits (status `posting`) while money moves.
 * Concurrent posts against the same credit queue on the locks and then see
 * this reservation: no double click or parallel admin can over-refund.
 *
 * A card refund to an order's payment also records which part draws on
 * credits Medusa does not know of that order (credit memos, other orders,
 * store credit): at most that part comes back as an order credit line.
 */
export async function reserveCustomerRefund(knex: Knex, id: string, context: RefundContext, actor: Actor) {
  const refund = await lockRefund(knex, id)
  refuseUnlessDraft(refund, "posted")
  await assertApproved(knex, "customer_refund", refund)
  // The list may have changed since the draft was saved (a code deactivated, a reason now required).
  await checkReasonCode(knex, "customer_refund", refund.reason_code)
  await assertPeriodOpen(knex, refund.refund_date)
  await assertDateAllowed(knex, refund.refund_date)
  const input = await loadRefundInput(knex, id, refund)
  // The credits' documents are read FOR UPDATE: every check below sees them as they stay until commit.
  const lines = await resolveLines(knex, input, context, { lock: true })
  const docs = lines.flatMap((l) => (l.document ? [l.document] : []))
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
  await assertAvailable(knex, lines, context, { refundDate: refund.refund_date, excludeRefundId: id })
  await assertOrdersBooked(knex, lines, context)

  const cardOrderId = refund.method === "card" ? (context.payment?.order_id ?? null) : null
  const unknownToMedusa = sumMoney(lines.filter((l) => l.order_id !== cardOrderId).map((l) => l.amount))
  await knex("accounting_customer_refund")
    .where({ id })
    .update({
      status: "posting",
      posting_started_at: knex.fn.now(),
      card_order_id: cardOrderId,
      ...moneyColumns("card_credit_line_amount", cardOrderId ? unknownToMedusa : 0),
      updated_at: knex.fn.now(),
    })
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

/**
 * Marks the moment just before the provider is called. From then on only a
 * read-back of the payment's refunds may hand the draft back (settlePayout).
 */
export async function beginPayout(knex: Knex, id: string) {
  const updated = await knex("accounting_customer_refund")
    .where({ id, status: "posting" })
    .whereNull("payout_started_at")
    .update({ payout_started_at: knex.raw("clock_timestamp()"), updated_at: knex.fn.now() })
  if (!updated) {
    const refund = await knex("accounting_customer_refund").select("status").where({ id }).first()
    throw new AccountingError(
      "POSTING_IN_PROGRESS",
      `Refund ${id} is ${refund?.status ?? "missing"}; its payout was already started or it is no longer reserved`
    )
  }
}

export type MoneyMoved = {
  medusa_refund_id?: string | null
  store_credit_transaction_id?: string | null
}

/**
 * Records that the provider or the loyalty plugin has paid out: the refund
 * can now only complete (the database refuses money_moved -> draft).
 * Idempotent.
 */
export async function markMoneyMoved(knex: Knex, id: string, moved: MoneyMoved, actor: Actor) {
  const refund = await lockRefund(knex, id)
  if (refund.status === "money_moved" || refund.status === "posted") {
    return
  }
  if (refund.status !== "posting") {
    throw new AccountingError("NOT_POSTED", `Refund ${id} is ${refund.status}, not being posted`)
  }
  await knex("accounting_customer_refund")
    .where({ id })
    .update({
      status: "money_moved",
      money_moved_at: knex.raw("clock_timestamp()"),
      medusa_refund_id: moved.medusa_refund_id ?? null,
      store_credit_transaction_id: moved.store_credit_transaction_id ?? null,
      updated_at: knex.fn.now(),
    })
  await recordAudit(knex, {
    entity_type: "customer_refund",
    entity_id: id,
    action: "money_moved",
    from_status: "posting",
    to_status: "money_moved",
    data: { ...moved },
    ...actor,
  })
}

/**
 * Compensation of the reservation: the draft is back as it was. Only for a
 * refund whose money did not move (the caller settled that); a refund in
 * money_moved is refused here and by the database.
 */
export async function releaseCustomerRefund(knex: Knex, id: string, reason: string, actor: Actor) {
  const refund = await lockRefund(knex, id)
  if (refund.status === "money_moved") {
    throw new AccountingError(
      "MONEY_MOVED",
      `Refund ${id} has already paid out; it can only be completed, never handed back as a draft`
    )
  }
  if (refund.status !== "posting") {
    return
  }
  await knex("accounting_customer_refund")
    .where({ id })
    .update({
      status: "draft",
      posting_started_at: null,
      payout_started_at: null,
      card_order_id: null,
      card_credit_line_amount: null,
      raw_card_credit_line_amount: null,
      updated_at: knex.fn.now(),
    })
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

/**
 * Second half: numbers the refund, posts Dr AR (Dr Customer Deposits for
 * store credit paid out) / Cr the payment account, and consumes the credits.
 * Idempotent: a posted refund returns what it was posted with, so the retry
 * job can complete a refund whose money moved as often as it takes.
 */
export async function completeCustomerRefund(knex: Knex, id: string, moved: MoneyMoved, actor: Actor) {
  const refund = await lockRefund(knex, id)
  if (refund.status === "posted") {
    return { number: refund.number as string, journal_entry_id: refund.journal_entry_id as string }
  }
  if (refund.status !== "posting" && refund.status !== "money_moved") {
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
  const ids = {
    medusa_refund_id: refund.medusa_refund_id ?? moved.medusa_refund_id ?? null,
    store_credit_transaction_id: refund.store_credit_transaction_id ?? moved.store_credit_transaction_id ?? null,
  }
  await knex("accounting_customer_refund")
    .where({ id })
    .update({
      status: "posted",
      number,
      journal_entry_id: entry.id,
      ...ids,
      posted_by: actor.actor_id ?? null,
      // The moment of posting (now() would be the transaction start).
      posted_at: knex.raw("clock_timestamp()"),
      updated_at: knex.fn.now(),
    })
  await recordAudit(knex, {
    entity_type: "customer_refund",
    entity_id: id,
    action: "post",
    from_status: refund.status,
    to_status: "posted",
    data: { number, journal_entry_id: entry.id, ...ids },
    ...actor,
  })
  return { number, journal_entry_id: entry.id }
}

/** Refunds reserved or paid out long enough ago that their workflow is gone. */
export async function staleRefunds(knex: Knex, olderThanSeconds: number): Promise<string[]> {
  const rows = await knex("accounting_customer_refund")
    .select("id")
    .whereIn("status", ["posting", "money_moved"])
    .whereNull("deleted_at")
    .andWhere("updated_at", "<", knex.raw(`now() - make_interval(secs => ?)`, [olderThanSeconds]))
    .orderBy("updated_at")
    .limit(100)
  return rows.map((r: any) => r.id)
}
