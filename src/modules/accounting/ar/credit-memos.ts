import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { AccountingError } from "../errors"
import { Actor, recordAudit } from "../ledger/audit"
import { assertPeriodOpen } from "../ledger/periods"
import { postEntry, reverseEntry } from "../ledger/posting"
import { nextDocumentNumber } from "../ledger/sequences"
import { loadAccountMap, loadPostingSettings, roleAccount } from "../ledger/settings"
import { advisoryLock } from "../db"
import { assertApproved, refreshDraftApproval } from "./approvals"
import { assertDateAllowed } from "../ledger/clock"
import { RESERVING_STATUSES } from "../models/customer-refund"
import { assertApplicationWithinOpen } from "../rules/application-limit"
import { availableCredit } from "../rules/available-credit"
import { addDays } from "../rules/dates"
import {
  assertAtPrecision,
  Decimal,
  moneyColumns,
  MoneyLike,
  readMoney,
  sumMoney,
  toDecimal,
} from "../rules/money"
import { reservations } from "./available-credits"
import {
  amountOf,
  applyDocuments,
  ArDocRow,
  insertArDocument,
  latestApplicationDate,
  lockDocuments,
  openAsOf,
  openOf,
  standingApplications,
  unapply,
  voidArDocument,
} from "./documents"

export type CreditMemoLineInput = {
  kind: "item" | "shipping" | "adjustment"
  description: string
  amount: MoneyLike
  tax_amount?: MoneyLike
  line_item_id?: string | null
}

export type CreditMemoInput = {
  customer_id: string
  order_id?: string | null
  return_id?: string | null
  currency_code: string
  memo_date: string
  reason: string
  metadata?: Record<string, unknown> | null
  lines: CreditMemoLineInput[]
}

export type CreditMemoUpdate = Partial<Omit<CreditMemoInput, "customer_id" | "currency_code">>

function totalsOf(lines: CreditMemoLineInput[], currency: string) {
  lines.forEach((l, i) => {
    const amount = assertAtPrecision(l.amount, currency, `lines[${i}].amount`)
    const tax = assertAtPrecision(l.tax_amount ?? 0, currency, `lines[${i}].tax_amount`)
    if (!amount.gt(0) || tax.lt(0)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `lines[${i}]: the amount must be positive and the tax not negative`
      )
    }
  })
  const subtotal = sumMoney(lines.map((l) => l.amount))
  const tax = sumMoney(lines.map((l) => l.tax_amount ?? 0))
  return { subtotal, tax, total: subtotal.plus(tax) }
}

async function insertLines(knex: Knex, memoId: string, lines: CreditMemoLineInput[]) {
  await knex("accounting_credit_memo_line").insert(
    lines.map((l) => ({
      id: generateEntityId(undefined, "cmline"),
      credit_memo_id: memoId,
      kind: l.kind,
      description: l.description,
      line_item_id: l.line_item_id ?? null,
      ...moneyColumns("amount", toDecimal(l.amount)),
      ...moneyColumns("tax_amount", toDecimal(l.tax_amount ?? 0)),
    }))
  )
}

export async function createCreditMemo(knex: Knex, input: CreditMemoInput, actor: Actor) {
  await assertDateAllowed(knex, input.memo_date)
  const currency = input.currency_code.toLowerCase()
  const totals = totalsOf(input.lines, currency)
  const id = generateEntityId(undefined, "cmemo")
  await knex("accounting_credit_memo").insert({
    id,
    status: "draft",
    customer_id: input.customer_id,
    order_id: input.order_id ?? null,
    return_id: input.return_id ?? null,
    currency_code: currency,
    memo_date: input.memo_date,
    reason: input.reason,
    metadata: input.metadata ? JSON.stringify(input.metadata) : null,
    ...moneyColumns("subtotal", totals.subtotal),
    ...moneyColumns("tax_total", totals.tax),
    ...moneyColumns("total", totals.total),
    created_by: actor.actor_id ?? null,
    origin: actor.origin ?? "api",
  })
  await insertLines(knex, id, input.lines)
  await refreshDraftApproval(knex, "credit_memo", id)
  await recordAudit(knex, {
    entity_type: "credit_memo",
    entity_id: id,
    action: "create",
    to_status: "draft",
    after: { ...input, total: totals.total.toString() },
    ...actor,
  })
  return id
}

async function lockMemo(knex: Knex, id: string) {
  const memo = await knex("accounting_credit_memo").where({ id }).whereNull("deleted_at").forUpdate().first()
  if (!memo) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Credit memo ${id} was not found`)
  }
  return memo
}

export async function updateCreditMemoDraft(knex: Knex, id: string, update: CreditMemoUpdate, actor: Actor) {
  const memo = await lockMemo(knex, id)
  if (memo.status !== "draft") {
    throw new AccountingError(
      "IMMUTABLE",
      `Credit memo ${memo.number} is ${memo.status}; only drafts can be edited`
    )
  }
  await assertDateAllowed(knex, update.memo_date)
  const { lines, ...header } = update
  const patch: Record<string, unknown> = { ...header, updated_at: knex.fn.now() }
  if (header.metadata !== undefined) {
    patch.metadata = header.metadata ? JSON.stringify(header.metadata) : null
  }
  if (lines) {
    const totals = totalsOf(lines, memo.currency_code)
    Object.assign(
      patch,
      moneyColumns("subtotal", totals.subtotal),
      moneyColumns("tax_total", totals.tax),
      moneyColumns("total", totals.total)
    )
    await knex("accounting_credit_memo_line").where({ credit_memo_id: id }).del()
    await insertLines(knex, id, lines)
  }
  await knex("accounting_credit_memo").where({ id }).update(patch)
  await refreshDraftApproval(knex, "credit_memo", id)
  await recordAudit(knex, {
    entity_type: "credit_memo",
    entity_id: id,
    action: "update",
    before: {
      memo_date: memo.memo_date,
      reason: memo.reason,
      total: readMoney(memo, "total").toString(),
    },
    after: { ...update, ...(patch.raw_total ? { total: readMoney(patch, "total").toString() } : {}) },
    ...actor,
  })
}

/**
 * Issues a draft on its memo date: number from the CM- sequence, entry
 * Dr Sales Returns & Allowances / Shipping Income / Tax Payable, Cr AR, and
 * the AR credit document that applications and refunds draw on.
 */
export async function issueCreditMemo(knex: Knex, id: string, actor: Actor) {
  const memo = await lockMemo(knex, id)
  if (memo.status !== "draft") {
    throw new AccountingError(
      memo.status === "voided" ? "ALREADY_VOIDED" : "ALREADY_ISSUED",
      `Credit memo ${memo.number ?? id} is already ${memo.status}`
    )
  }
  await assertApproved(knex, "credit_memo", memo)
  await assertPeriodOpen(knex, memo.memo_date)
  await assertDateAllowed(knex, memo.memo_date)
  if (memo.order_id) {
    await assertWithinOrderCredit(knex, memo)
  }
  const lines = await knex("accounting_credit_memo_line")
    .where({ credit_memo_id: id })
    .whereNull("deleted_at")
  const map = await loadAccountMap(knex)
  const settings = await loadPostingSettings(knex)
  const number = await nextDocumentNumber(knex, "credit_memo")
  const ref = { customer_id: memo.customer_id, order_id: memo.order_id }
  const byKind = (kinds: string[]) =>
    sumMoney(lines.filter((l: any) => kinds.includes(l.kind)).map((l: any) => readMoney(l, "amount")))
  const returns = byKind(["item", "adjustment"])
  const shipping = byKind(["shipping"])
  const tax = sumMoney(lines.map((l: any) => readMoney(l, "tax_amount")))
  const total = readMoney(memo, "total")
  const { entry } = await postEntry(knex, {
    entry_date: memo.memo_date,
    currency_code: memo.currency_code,
    memo: `Credit memo ${number}: ${memo.reason}`,
    source_type: "credit_memo",
    source_id: id,
    source_kind: "issued",
    origin: actor.origin,
    actor_id: actor.actor_id,
    lines: [
      {
        account_id: roleAccount(map, "sales_returns"),
        debit: returns,
        credit: 0,
        description: "Returns & allowances",
        ...ref,
      },
      {
        account_id: roleAccount(map, "shipping"),
        debit: shipping,
        credit: 0,
        description: "Shipping",
        ...ref,
      },
      { account_id: roleAccount(map, "tax"), debit: tax, credit: 0, description: "Tax", ...ref },
      { account_id: roleAccount(map, "ar"), debit: 0, credit: total, description: "Receivable", ...ref },
    ].filter((l) => !toDecimal(l.debit).isZero() || !toDecimal(l.credit).isZero()),
  })
  await insertArDocument(knex, {
    doc_type: "credit_memo",
    sign: -1,
    number,
    customer_id: memo.customer_id,
    currency_code: memo.currency_code,
    document_date: memo.memo_date,
    due_date: addDays(memo.memo_date, settings.payment_terms.default_days),
    amount: total,
    source_id: id,
    journal_entry_id: entry.id,
  })
  await knex("accounting_credit_memo")
    .where({ id })
    .update({
      status: "issued",
      number,
      journal_entry_id: entry.id,
      issued_by: actor.actor_id ?? null,
      issued_at: knex.fn.now(),
      updated_at: knex.fn.now(),
    })
  await recordAudit(knex, {
    entity_type: "credit_memo",
    entity_id: id,
    action: "issue",
    from_status: "draft",
    to_status: "issued",
    data: { number, journal_entry_id: entry.id },
    ...actor,
  })
}

/**
 * A memo linked to an order never credits more than what of that order is
 * not yet credited: what order recognition booked as owed, less its credits
 * (returns, negative changes, return memos) and the other issued memos of
 * the order (MEMO_EXCEEDS_ORDER). The order is locked while this is read.
 */
async function assertWithinOrderCredit(knex: Knex, memo: any) {
  await advisoryLock(knex, `ar:order:${memo.order_id}`)
  const docs: ArDocRow[] = await knex("accounting_ar_document")
    .where({ order_id: memo.order_id })
    .whereIn("doc_type", ["order", "order_adjustment", "credit_memo"])
    .whereNull("void_date")
    .whereNull("deleted_at")
  const others = await knex("accounting_credit_memo")
    .where({ order_id: memo.order_id, status: "issued" })
    .whereNot("origin", "return")
    .whereNot("id", memo.id)
    .whereNull("deleted_at")
  const recognised = sumMoney(docs.map((d) => amountOf(d).times(d.sign)))
  const credited = sumMoney(others.map((m: any) => readMoney(m, "total")))
  const remaining = Decimal.max(recognised.minus(credited), 0)
  const total = readMoney(memo, "total")
  if (total.gt(remaining)) {
    const number = docs.find((d) => d.doc_type === "order")?.number ?? memo.order_id
    throw new AccountingError(
      "MEMO_EXCEEDS_ORDER",
      `Order ${number} has ${remaining.toString()} not yet credited (returns and other memos counted); this memo credits ${total.toString()}`
    )
  }
}

async function memoDocument(knex: Knex, memoId: string): Promise<ArDocRow> {
  const doc = await knex("accounting_ar_document")
    .where({ doc_type: "credit_memo", source_id: memoId })
    .first()
  if (!doc) {
    throw new AccountingError("NOT_ISSUED", `Credit memo ${memoId} is not issued`)
  }
  return doc
}

/**
 * Voids an issued memo with the mirror entry on `date`, only while nothing
 * applied or refunded from it still stands.
 */
export async function voidCreditMemo(knex: Knex, id: string, date: string, actor: Actor) {
  const memo = await lockMemo(knex, id)
  if (memo.status === "voided") {
    throw new AccountingError("ALREADY_VOIDED", `Credit memo ${memo.number} is already voided`)
  }
  if (memo.status !== "issued") {
    throw new AccountingError("NOT_ISSUED", `Credit memo ${id} is a draft; edit or discard it instead`)
  }
  if (memo.return_id && memo.origin === "return") {
    // Its credit is the order's: the return stands in Medusa whatever the memo says.
    throw new AccountingError(
      "MEMO_FROM_RETURN",
      `Credit memo ${memo.number} documents Medusa return ${memo.return_id} and cannot be voided; issue a separate entry or memo to correct it`
    )
  }
  if (date < memo.memo_date) {
    throw new AccountingError(
      "DATE_BEFORE_ORIGINAL",
      `The void date ${date} is before the memo date ${memo.memo_date}`
    )
  }
  const [doc] = await lockDocuments(knex, (q) => q.where({ doc_type: "credit_memo", source_id: id }))
  const standing = await standingApplications(knex, [doc.id])
  const reserved = await knex("accounting_customer_refund_line as l")
    .join("accounting_customer_refund as r", "r.id", "l.refund_id")
    .where({ "l.ar_document_id": doc.id })
    .whereIn("r.status", [...RESERVING_STATUSES])
    .first()
  if (standing.length || reserved) {
    throw new AccountingError(
      "CREDIT_NOT_AVAILABLE",
      `Credit memo ${memo.number} is applied or refunded (${standing.length} standing); unapply or void those first`
    )
  }
  const latest = await latestApplicationDate(knex, doc.id)
  if (latest && date < latest) {
    throw new AccountingError(
      "DATE_BEFORE_ORIGINAL",
      `The void date ${date} is before ${latest}, when an application of credit memo ${memo.number} was made or ended`
    )
  }
  const { reversal } = await reverseEntry(knex, memo.journal_entry_id, {
    date,
    memo: `Void of credit memo ${memo.number}`,
    actor_id: actor.actor_id,
    origin: actor.origin,
    source_type: "credit_memo",
    source_id: id,
    source_kind: "voided",
  })
  await voidArDocument(knex, doc.id, date, reversal.id)
  await knex("accounting_credit_memo")
    .where({ id })
    .update({
      status: "voided",
      void_date: date,
      void_journal_entry_id: reversal.id,
      voided_by: actor.actor_id ?? null,
      voided_at: knex.fn.now(),
      updated_at: knex.fn.now(),
    })
  await recordAudit(knex, {
    entity_type: "credit_memo",
    entity_id: id,
    action: "void",
    from_status: "issued",
    to_status: "voided",
    data: { date, journal_entry_id: reversal.id },
    ...actor,
  })
}

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

/** Discards a draft (an issued memo is voided, never deleted). */
export async function deleteCreditMemoDraft(knex: Knex, id: string, actor: Actor) {
  const memo = await lockMemo(knex, id)
  if (memo.status !== "draft") {
    throw new AccountingError("IMMUTABLE", `Credit memo ${memo.number} is ${memo.status}; void it instead`)
  }
  await knex("accounting_credit_memo_line").where({ credit_memo_id: id }).del()
  await knex("accounting_credit_memo").where({ id }).del()
  await recordAudit(knex, {
    entity_type: "credit_memo",
    entity_id: id,
    action: "delete",
    from_status: "draft",
    ...actor,
  })
}
