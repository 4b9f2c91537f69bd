import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { advisoryLock } from "../db"
import { AccountingError } from "../errors"
import { Actor, recordAudit } from "../ledger/audit"
import { assertPeriodOpen } from "../ledger/periods"
import { postEntry, reverseEntry } from "../ledger/posting"
import { nextDocumentNumber } from "../ledger/sequences"
import { loadAccountMap, roleAccount } from "../ledger/settings"
import {
  assertAtPrecision,
  Decimal,
  MoneyLike,
  rawMoney,
  readMoney,
  sumMoney,
  toDecimal,
} from "../rules/money"
import { providerAccount } from "../rules/roles"
import { creditSourceType, reservations } from "./available-credits"
import { applyDocuments, ArDocRow, insertArDocument, lockDocuments, openOf, unapply } from "./documents"

export type RefundMethod = "check" | "eft" | "cash" | "card" | "store_credit" | "record_transfer"
export type CreditSourceType = "credit_memo" | "overpayment" | "negative_invoice" | "store_credit"

/** Methods whose posting moves money through Medusa or the loyalty plugin. */
export const MONEY_MOVING_METHODS: RefundMethod[] = ["card", "store_credit"]

export type RefundLineInput = { source_type: CreditSourceType; source_id: string; amount: MoneyLike }

export type CustomerRefundInput = {
  customer_id: string
  currency_code: string
  refund_date: string
  method: RefundMethod
  payment_account_id?: string | null
  payment_id?: string | null
  reference?: string | null
  pay_to?: string | null
  memo?: string | null
  attachment_url?: string | null
  metadata?: Record<string, unknown> | null
  lines: RefundLineInput[]
}

/** What the module cannot read itself: Medusa's payment and the loyalty accounts. */
export type RefundContext = {
  payment?: {
    id: string
    provider_id: string
    currency_code: string
    customer_id: string | null
    refundable: MoneyLike
    order_id: string | null
  } | null
  store_credit_accounts?: Record<
    string,
    { customer_id: string | null; currency_code: string; balance: MoneyLike }
  >
}

type ResolvedLine = RefundLineInput & { amount: Decimal; ar_document_id: string | null }

/**
 * Checks every line names a credit of this customer in this currency and
 * resolves it to the AR document it draws on. Orders (what the customer
 * owes) are never refundable: only credits are.
 */
async function resolveLines(
  knex: Knex,
  input: CustomerRefundInput,
  context: RefundContext
): Promise<ResolvedLine[]> {
  const currency = input.currency_code.toLowerCase()
  if (!input.lines.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "A refund needs at least one credit line")
  }
  const seen = new Set<string>()
  const resolved: ResolvedLine[] = []
  for (const [i, line] of input.lines.entries()) {
    const amount = assertAtPrecision(line.amount, currency, `lines[${i}].amount`)
    if (!amount.gt(0)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `lines[${i}].amount must be greater than 0`)
    }
    const key = `${line.source_type}:${line.source_id}`
    if (seen.has(key)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `lines[${i}]: ${line.source_id} is listed twice`)
    }
    seen.add(key)
    if (line.source_type === "store_credit") {
      if (input.method === "store_credit") {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `lines[${i}]: store credit cannot be refunded as store credit`
        )
      }
      const account = context.store_credit_accounts?.[line.source_id]
      if (!account) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `lines[${i}]: store-credit account ${line.source_id} was not found`
        )
      }
      if (account.customer_id !== input.customer_id) {
        throw new AccountingError(
          "CUSTOMER_MISMATCH",
          `lines[${i}]: store-credit account ${line.source_id} belongs to another customer`
        )
      }
      if (account.currency_code.toLowerCase() !== currency) {
        throw new AccountingError(
          "CURRENCY_MISMATCH",
          `lines[${i}]: store-credit account ${line.source_id} is in ${account.currency_code.toUpperCase()}`
        )
      }
      resolved.push({ ...line, amount, ar_document_id: null })
      continue
    }
    if (line.source_id.startsWith("order_")) {
      throw new AccountingError(
        "POSITIVE_INVOICE_NOT_REFUNDABLE",
        `lines[${i}]: order ${line.source_id} is what the customer owes; refund one of its credits (overpayment, negative adjustment) instead`
      )
    }
    const doc: ArDocRow | undefined =
      line.source_type === "credit_memo"
        ? await knex("accounting_ar_document")
            .where({ doc_type: "credit_memo", source_id: line.source_id })
            .first()
        : await knex("accounting_ar_document").where({ id: line.source_id }).first()
    if (!doc) {
      const memo =
        line.source_type === "credit_memo" &&
        (await knex("accounting_credit_memo").where({ id: line.source_id }).first())
      if (memo) {
        throw new AccountingError(
          "CREDIT_NOT_AVAILABLE",
          `lines[${i}]: credit memo ${line.source_id} is a draft; issue it first`
        )
      }
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `lines[${i}]: ${line.source_type} ${line.source_id} was not found`
      )
    }
    if (doc.sign === 1) {
      throw new AccountingError(
        "POSITIVE_INVOICE_NOT_REFUNDABLE",
        `lines[${i}]: ${doc.number ?? doc.id} is a receivable, not a credit; only credits can be refunded`
      )
    }
    if (creditSourceType(doc) !== line.source_type) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `lines[${i}]: ${line.source_id} is a ${creditSourceType(doc)}, not a ${line.source_type}`
      )
    }
    if (doc.customer_id !== input.customer_id) {
      throw new AccountingError(
        "CUSTOMER_MISMATCH",
        `lines[${i}]: ${doc.number ?? doc.id} belongs to another customer`
      )
    }
    if (doc.currency_code !== currency) {
      throw new AccountingError(
        "CURRENCY_MISMATCH",
        `lines[${i}]: ${doc.number ?? doc.id} is in ${doc.currency_code.toUpperCase()}; a refund has one currency`
      )
    }
    if (doc.void_date) {
      throw new AccountingError("CREDIT_NOT_AVAILABLE", `lines[${i}]: ${doc.number ?? doc.id} is voided`)
    }
    resolved.push({ ...line, amount, ar_document_id: doc.id })
  }
  return resolved
}

async function paymentAccountFor(
  knex: Knex,
  input: CustomerRefundInput,
  context: RefundContext
): Promise<string> {
  if (input.payment_account_id) {
    const account = await knex("accounting_account")
      .where({ id: input.payment_account_id })
      .whereNull("deleted_at")
      .first()
    if (!account) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `payment_account_id: account ${input.payment_account_id} does not exist`
      )
    }
    return account.id
  }
  const map = await loadAccountMap(knex)
  const account =
    input.method === "card" && context.payment
      ? providerAccount(map, context.payment.provider_id)
      : map.method[input.method]
  if (!account) {
    throw new AccountingError(
      "ACCOUNT_NOT_MAPPED",
      `No account is mapped to the refund method ${input.method} (settings → method_accounts)`
    )
  }
  return account
}

function assertCardPayment(input: CustomerRefundInput, context: RefundContext, total: Decimal) {
  if (input.method !== "card") {
    if (input.payment_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "payment_id is only used by card refunds")
    }
    return
  }
  const payment = context.payment
  if (!input.payment_id || !payment) {
    throw new AccountingError(
      "PAYMENT_REQUIRED",
      "A card refund needs payment_id: the Medusa payment to refund"
    )
  }
  if (payment.customer_id && payment.customer_id !== input.customer_id) {
    throw new AccountingError("CUSTOMER_MISMATCH", `Payment ${payment.id} was made by another customer`)
  }
  if (payment.currency_code.toLowerCase() !== input.currency_code.toLowerCase()) {
    throw new AccountingError(
      "CURRENCY_MISMATCH",
      `Payment ${payment.id} is in ${payment.currency_code.toUpperCase()}`
    )
  }
  if (total.gt(toDecimal(payment.refundable))) {
    throw new AccountingError(
      "REFUND_EXCEEDS_CREDIT",
      `Payment ${payment.id} has only ${toDecimal(payment.refundable).toString()} left to refund`
    )
  }
}

function refundRow(input: CustomerRefundInput, total: Decimal, paymentAccountId: string) {
  return {
    customer_id: input.customer_id,
    currency_code: input.currency_code.toLowerCase(),
    refund_date: input.refund_date,
    method: input.method,
    payment_account_id: paymentAccountId,
    payment_id: input.payment_id ?? null,
    reference: input.reference ?? null,
    pay_to: input.pay_to ?? null,
    memo: input.memo ?? null,
    attachment_url: input.attachment_url ?? null,
    metadata: input.metadata ? JSON.stringify(input.metadata) : null,
    total: total.toString(),
    raw_total: rawMoney(total),
  }
}

async function insertRefundLines(knex: Knex, refundId: string, lines: ResolvedLine[]) {
  await knex("accounting_customer_refund_line").insert(
    lines.map((l) => ({
      id: generateEntityId(undefined, "crline"),
      refund_id: refundId,
      source_type: l.source_type,
      source_id: l.source_id,
      ar_document_id: l.ar_document_id,
      amount: l.amount.toString(),
      raw_amount: rawMoney(l.amount),
    }))
  )
}

/**
 * Checks each line against what is available now (open amount less other
 * refunds being posted): REFUND_EXCEEDS_CREDIT names the first one short.
 */
async function assertAvailable(
  knex: Knex,
  lines: ResolvedLine[],
  context: RefundContext,
  excludeRefundId?: string
) {
  const docIds = lines.map((l) => l.ar_document_id).filter((x): x is string => !!x)
  const accountIds = lines.filter((l) => l.source_type === "store_credit").map((l) => l.source_id)
  const reserved = await reservations(knex, {
    ar_document_ids: docIds,
    store_credit_ids: accountIds,
    exclude_refund_id: excludeRefundId,
  })
  const docs = new Map<string, ArDocRow>(
    (docIds.length ? await knex("accounting_ar_document").whereIn("id", docIds) : []).map((d: ArDocRow) => [
      d.id,
      d,
    ])
  )
  for (const line of lines) {
    const key = line.ar_document_id ?? line.source_id
    const base = line.ar_document_id
      ? openOf(docs.get(key)!)
      : toDecimal(context.store_credit_accounts?.[key]?.balance ?? 0)
    const available = base.minus(reserved.get(key) ?? 0)
    if (line.amount.gt(available)) {
      const name = line.ar_document_id ? (docs.get(key)!.number ?? key) : `store credit ${key}`
      throw new AccountingError(
        "REFUND_EXCEEDS_CREDIT",
        `${line.amount.toString()} is more than the ${Decimal.max(available, 0).toString()} still available on ${name}`
      )
    }
  }
}

export async function createCustomerRefundDraft(
  knex: Knex,
  input: CustomerRefundInput,
  context: RefundContext,
  actor: Actor
) {
  const lines = await resolveLines(knex, input, context)
  const total = sumMoney(lines.map((l) => l.amount))
  assertCardPayment(input, context, total)
  await assertAvailable(knex, lines, context)
  const paymentAccountId = await paymentAccountFor(knex, input, context)
  const id = generateEntityId(undefined, "cref")
  await knex("accounting_customer_refund").insert({
    id,
    status: "draft",
    ...refundRow(input, total, paymentAccountId),
    created_by: actor.actor_id ?? null,
    origin: actor.origin ?? "api",
  })
  await insertRefundLines(knex, id, lines)
  await recordAudit(knex, {
    entity_type: "customer_refund",
    entity_id: id,
    action: "create",
    to_status: "draft",
    ...actor,
  })
  return id
}

async function lockRefund(knex: Knex, id: string) {
  const refund = await knex("accounting_customer_refund")
    .where({ id })
    .whereNull("deleted_at")
    .forUpdate()
    .first()
  if (!refund) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer refund ${id} was not found`)
  }
  return refund
}

function refuseUnlessDraft(refund: any, action: string) {
  if (refund.status === "draft") {
    return
  }
  const code =
    refund.status === "voided"
      ? "ALREADY_VOIDED"
      : refund.status === "posting"
        ? "POSTING_IN_PROGRESS"
        : "ALREADY_POSTED"
  throw new AccountingError(
    code,
    `Refund ${refund.number ?? refund.id} is ${refund.status}; it cannot be ${action}`
  )
}

export type StoredRefund = CustomerRefundInput & {
  id: string
  number: string | null
  status: string
  total: string
}

export async function loadRefundInput(knex: Knex, id: string): Promise<StoredRefund> {
  const refund = await knex("accounting_customer_refund").where({ id }).whereNull("deleted_at").first()
  if (!refund) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer refund ${id} was not found`)
  }
  const lines = await knex("accounting_customer_refund_line")
    .where({ refund_id: id })
    .whereNull("deleted_at")
    .orderBy("id")
  return {
    ...refund,
    total: readMoney(refund, "total").toString(),
    lines: lines.map((l: any) => ({
      source_type: l.source_type,
      source_id: l.source_id,
      amount: readMoney(l, "amount").toString(),
    })),
  }
}

export async function updateCustomerRefundDraft(
  knex: Knex,
  id: string,
  update: Partial<Omit<CustomerRefundInput, "customer_id">>,
  context: RefundContext,
  actor: Actor
) {
  const refund = await lockRefund(knex, id)
  refuseUnlessDraft(refund, "edited")
  const current = await loadRefundInput(knex, id)
  const input: CustomerRefundInput = {
    ...current,
    ...update,
    customer_id: refund.customer_id,
    // A new method means a new default account unless one is given.
    payment_account_id:
      update.payment_account_id !== undefined
        ? update.payment_account_id
        : update.method
          ? null
          : refund.payment_account_id,
  }
  const lines = await resolveLines(knex, input, context)
  const total = sumMoney(lines.map((l) => l.amount))
  assertCardPayment(input, context, total)
  await assertAvailable(knex, lines, context, id)
  const paymentAccountId = await paymentAccountFor(knex, input, context)
  await knex("accounting_customer_refund")
    .where({ id })
    .update({ ...refundRow(input, total, paymentAccountId), updated_at: knex.fn.now() })
  await knex("accounting_customer_refund_line").where({ refund_id: id }).del()
  await insertRefundLines(knex, id, lines)
  await recordAudit(knex, { entity_type: "customer_refund", entity_id: id, action: "update", ...actor })
}

export async function deleteCustomerRefundDraft(knex: Knex, id: string, actor: Actor) {
  const refund = await lockRefund(knex, id)
  if (refund.status !== "draft") {
    throw new AccountingError(
      "IMMUTABLE",
      `Refund ${refund.number ?? id} is ${refund.status}; void it instead of deleting it`
    )
  }
  await knex("accounting_customer_refund_line").where({ refund_id: id }).del()
  await knex("accounting_customer_refund").where({ id }).del()
  await recordAudit(knex, {
    entity_type: "customer_refund",
    entity_id: id,
    action: "delete",
    from_status: "draft",
    ...actor,
  })
}

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

export type MoneyMoved = {
  medusa_refund_id?: string | null
  card_order_id?: string | null
  card_credit_line_amount?: MoneyLike
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
  const creditLine =
    moved.card_credit_line_amount !== undefined ? toDecimal(moved.card_credit_line_amount) : null
  await knex("accounting_customer_refund")
    .where({ id })
    .update({
      status: "posted",
      number,
      journal_entry_id: entry.id,
      medusa_refund_id: moved.medusa_refund_id ?? null,
      card_order_id: moved.card_order_id ?? null,
      card_credit_line_amount: creditLine?.toString() ?? null,
      raw_card_credit_line_amount: creditLine ? rawMoney(creditLine) : null,
      store_credit_transaction_id: moved.store_credit_transaction_id ?? null,
      posted_by: actor.actor_id ?? null,
      posted_at: knex.fn.now(),
      updated_at: knex.fn.now(),
    })
  await recordAudit(knex, {
    entity_type: "customer_refund",
    entity_id: id,
    action: "post",
    from_status: "posting",
    to_status: "posted",
    data: { number, journal_entry_id: entry.id, ...moved, card_credit_line_amount: creditLine?.toString() },
    ...actor,
  })
  return { number, journal_entry_id: entry.id }
}

/**
 * Voids a posted refund on `date` (on or after the refund date, open period):
 * the Reversed/Reversal pair, and the credits it consumed become available
 * again. Money that already left through Medusa or the loyalty plugin cannot
 * be unsent: such a void needs `record_only`, and the audit trail says so.
 */
export async function voidCustomerRefund(
  knex: Knex,
  id: string,
  input: { date: string; record_only?: boolean },
  actor: Actor
) {
  const refund = await lockRefund(knex, id)
  if (refund.status === "voided") {
    throw new AccountingError("ALREADY_VOIDED", `Refund ${refund.number} is already voided`)
  }
  if (refund.status !== "posted") {
    throw new AccountingError(
      "NOT_POSTED",
      `Refund ${refund.number ?? id} is ${refund.status}; only posted refunds can be voided`
    )
  }
  const movedMoney = MONEY_MOVING_METHODS.includes(refund.method) || !!refund.store_credit_transaction_id
  if (movedMoney && !input.record_only) {
    throw new AccountingError(
      "RECORD_ONLY_REQUIRED",
      `Refund ${refund.number} already moved money (${refund.method}); voiding it only corrects the books: send record_only: true`
    )
  }
  if (input.date < refund.refund_date) {
    throw new AccountingError(
      "DATE_BEFORE_ORIGINAL",
      `The void date ${input.date} is before the refund date ${refund.refund_date}`
    )
  }
  const { reversal } = await reverseEntry(knex, refund.journal_entry_id, {
    date: input.date,
    memo: `Void of refund ${refund.number}${input.record_only ? " (record only)" : ""}`,
    actor_id: actor.actor_id,
    origin: actor.origin,
    source_type: "customer_refund",
    source_id: id,
    source_kind: "voided",
  })
  const refundDoc = await knex("accounting_ar_document")
    .where({ doc_type: "customer_refund", source_id: id })
    .first()
  if (refundDoc) {
    const apps = await knex("accounting_ar_application")
      .where({ customer_refund_id: id })
      .whereNull("unapplied_date")
    const docs = await lockDocuments(knex, (q) =>
      q.whereIn("id", [refundDoc.id, ...apps.map((a: any) => a.credit_document_id)])
    )
    const byId = new Map(docs.map((d) => [d.id, d]))
    for (const app of apps) {
      await unapply(knex, {
        application: { ...app, amount: readMoney(app, "amount") },
        docs: byId,
        date: input.date,
        actor_id: actor.actor_id,
      })
    }
    await knex("accounting_ar_document")
      .where({ id: refundDoc.id })
      .update({
        void_date: input.date,
        void_journal_entry_id: reversal.id,
        open_amount: "0",
        raw_open_amount: rawMoney(0),
        updated_at: knex.fn.now(),
      })
  }
  await knex("accounting_customer_refund")
    .where({ id })
    .update({
      status: "voided",
      void_date: input.date,
      void_journal_entry_id: reversal.id,
      void_record_only: !!input.record_only,
      voided_by: actor.actor_id ?? null,
      voided_at: knex.fn.now(),
      updated_at: knex.fn.now(),
    })
  await recordAudit(knex, {
    entity_type: "customer_refund",
    entity_id: id,
    action: "void",
    from_status: "posted",
    to_status: "voided",
    data: { date: input.date, record_only: !!input.record_only, journal_entry_id: reversal.id },
    ...actor,
  })
}
