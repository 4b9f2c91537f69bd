import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { AccountingError } from "../errors"
import { assertApplicationWithinOpen } from "../rules/application-limit"
import { latestDate } from "../rules/dates"
import { Decimal, moneyColumns, MoneyLike, rawMoney, readMoney, toDecimal } from "../rules/money"

export type ArDocRow = {
  id: string
  doc_type: string
  sign: 1 | -1
  number: string | null
  customer_id: string
  currency_code: string
  document_date: string
  due_date: string
  amount: string
  raw_amount: { value: string }
  open_amount: string
  raw_open_amount: { value: string }
  source_id: string
  order_id: string | null
  journal_entry_id: string | null
  breakdown: Record<string, string> | null
  source_version: number | null
  void_date: string | null
  created_at: Date
}

export type NewArDocument = {
  doc_type: string
  sign: 1 | -1
  number?: string | null
  customer_id: string
  currency_code: string
  document_date: string
  due_date: string
  amount: MoneyLike
  source_id: string
  order_id?: string | null
  region_id?: string | null
  sales_channel_id?: string | null
  journal_entry_id?: string | null
  breakdown?: Record<string, string> | null
  source_version?: number | null
}

export const openOf = (doc: ArDocRow): Decimal => readMoney(doc, "open_amount")
export const amountOf = (doc: ArDocRow): Decimal => readMoney(doc, "amount")

export async function insertArDocument(knex: Knex, input: NewArDocument): Promise<ArDocRow> {
  const amount = toDecimal(input.amount)
  if (amount.lt(0)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "AR document amounts are positive; the sign says the side"
    )
  }
  const [row] = await knex("accounting_ar_document")
    .insert({
      id: generateEntityId(undefined, "ardoc"),
      ...input,
      currency_code: input.currency_code.toLowerCase(),
      amount: amount.toString(),
      raw_amount: rawMoney(amount),
      open_amount: amount.toString(),
      raw_open_amount: rawMoney(amount),
      breakdown: input.breakdown ? JSON.stringify(input.breakdown) : null,
    })
    .returning("*")
  return row
}

/** Locks documents in id order (every path locks in the same order: no deadlock). */
/** Closes a document whose journal entry was reversed: nothing stays open on it. */
export async function voidArDocument(knex: Knex, id: string, date: string, reversalId: string) {
  await knex("accounting_ar_document")
    .where({ id })
    .update({
      void_date: date,
      void_journal_entry_id: reversalId,
      ...moneyColumns("open_amount", 0),
      updated_at: knex.fn.now(),
    })
}

export async function lockDocuments(knex: Knex, where: (q: Knex.QueryBuilder) => void): Promise<ArDocRow[]> {
  const q = knex("accounting_ar_document").whereNull("deleted_at")
  where(q)
  return q.orderBy("id").forUpdate()
}

async function setOpen(knex: Knex, id: string, open: Decimal): Promise<void> {
  await knex("accounting_ar_document")
    .where({ id })
    .update({ open_amount: open.toString(), raw_open_amount: rawMoney(open), updated_at: knex.fn.now() })
}

/**
 * Applies a credit document to a debit document. Both must be locked by the
 * caller; neither open amount may go below zero (APPLICATION_EXCEEDS_OPEN).
 */
export async function applyDocuments(
  knex: Knex,
  input: {
    credit: ArDocRow
    debit: ArDocRow
    amount: MoneyLike
    date: string
    kind: "auto" | "manual" | "refund"
    customer_refund_id?: string | null
    batch_id?: string | null
    actor_id?: string | null
  }
): Promise<string> {
  const amount = toDecimal(input.amount)
  const { credit, debit } = input
  if (credit.sign !== -1 || debit.sign !== 1) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Applications go from a credit document to a debit document"
    )
  }
  if (credit.customer_id !== debit.customer_id) {
    throw new AccountingError("CUSTOMER_MISMATCH", "A credit can only settle documents of the same customer")
  }
  if (credit.currency_code !== debit.currency_code) {
    throw new AccountingError(
      "CURRENCY_MISMATCH",
      `A ${credit.currency_code.toUpperCase()} credit cannot settle a ${debit.currency_code.toUpperCase()} document`
    )
  }
  const creditOpen = openOf(credit)
  const debitOpen = openOf(debit)
  assertApplicationWithinOpen({
    amount,
    credit_available: creditOpen,
    debit_open: debitOpen,
    credit_name: credit.number ?? credit.id,
    debit_name: debit.number ?? debit.id,
  })
  const latest = latestDate(credit.document_date, debit.document_date)
  if (input.date < latest) {
    throw new AccountingError(
      "DATE_BEFORE_ORIGINAL",
      `An application dated ${input.date} would precede ${latest}, the date of ${credit.number ?? credit.id} or ${debit.number ?? debit.id}`
    )
  }
  const id = generateEntityId(undefined, "arapp")
  await knex("accounting_ar_application").insert({
    id,
    credit_document_id: credit.id,
    debit_document_id: debit.id,
    amount: amount.toString(),
    raw_amount: rawMoney(amount),
    application_date: input.date,
    kind: input.kind,
    customer_refund_id: input.customer_refund_id ?? null,
    batch_id: input.batch_id ?? null,
    created_by: input.actor_id ?? null,
  })
  const newCredit = creditOpen.minus(amount)
  const newDebit = debitOpen.minus(amount)
  await setOpen(knex, credit.id, newCredit)
  await setOpen(knex, debit.id, newDebit)
  // Keep the caller's locked rows current for further applications.
  credit.open_amount = newCredit.toString()
  credit.raw_open_amount = { value: newCredit.toString() }
  debit.open_amount = newDebit.toString()
  debit.raw_open_amount = { value: newDebit.toString() }
  return id
}

/**
 * Ends a standing application on `date`; both documents get the amount back.
 * With `keep`, a new application for the rest starts the same day.
 */
export async function unapply(
  knex: Knex,
  input: {
    application: {
      id: string
      credit_document_id: string
      debit_document_id: string
      amount: Decimal
      kind: string
      application_date: string
    }
    docs: Map<string, ArDocRow>
    date: string
    release?: Decimal
    actor_id?: string | null
  }
): Promise<void> {
  const { application, docs } = input
  // Never before the application itself (automatic displacement can run after later postings).
  const date = latestDate(input.date, application.application_date)
  const release = input.release ?? application.amount
  await knex("accounting_ar_application")
    .where({ id: application.id })
    .whereNull("unapplied_date")
    .update({ unapplied_date: date, unapplied_by: input.actor_id ?? null, updated_at: knex.fn.now() })
  const credit = docs.get(application.credit_document_id)!
  const debit = docs.get(application.debit_document_id)!
  for (const doc of [credit, debit]) {
    const open = openOf(doc).plus(application.amount)
    await setOpen(knex, doc.id, open)
    doc.open_amount = open.toString()
    doc.raw_open_amount = { value: open.toString() }
  }
  const keep = application.amount.minus(release)
  if (keep.gt(0)) {
    await applyDocuments(knex, {
      credit,
      debit,
      amount: keep,
      date,
      kind: application.kind as "auto",
      actor_id: input.actor_id,
    })
  }
}

export async function standingApplications(knex: Knex, docIds: string[]) {
  const rows = await knex("accounting_ar_application")
    .whereNull("unapplied_date")
    .whereNull("deleted_at")
    .andWhere((q) => q.whereIn("credit_document_id", docIds).orWhereIn("debit_document_id", docIds))
    .orderBy("created_at")
    .orderBy("id")
  return rows.map((r: any, i: number) => ({ ...r, amount: readMoney(r, "amount"), created_order: i }))
}

/** The latest day an application of the document was made or ended (a void may not precede it). */
export async function latestApplicationDate(knex: Knex, docId: string): Promise<string | null> {
  const { rows } = await knex.raw(
    `select max(greatest(application_date, coalesce(unapplied_date, application_date))) as latest
       from accounting_ar_application
      where (credit_document_id = ? or debit_document_id = ?) and deleted_at is null`,
    [docId, docId]
  )
  return rows[0]?.latest ?? null
}

/**
 * The least each document stood open over some days (an application, an
 * unapplication or a void dated after one of them counts only from its date).
 */
export async function openAsOf(knex: Knex, docIds: string[], days: string[]): Promise<Map<string, Decimal>> {
  if (!docIds.length || !days.length) {
    return new Map()
  }
  const { rows } = await knex.raw(
    `select d.id, min(d.amount - coalesce((
              select sum(a.amount) from accounting_ar_application a
               where (a.credit_document_id = d.id or a.debit_document_id = d.id) and a.deleted_at is null
                 and a.application_date <= x.day and (a.unapplied_date is null or a.unapplied_date > x.day)), 0)
              - case when d.void_date <= x.day then d.amount else 0 end) as open
       from accounting_ar_document d cross join unnest(?::text[]) as x(day)
      where d.id = any(?)
      group by d.id`,
    [days, docIds]
  )
  return new Map(rows.map((r: any) => [r.id, toDecimal(r.open)]))
}
