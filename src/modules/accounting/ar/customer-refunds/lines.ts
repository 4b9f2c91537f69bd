import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { AccountingError } from "../../errors"
import { loadAccountMap } from "../../ledger/settings"
import { assertRefundWithinCredit } from "../../rules/available-credit"
import { assertPaymentAccount } from "../../rules/payment-account"
import { assertAtPrecision, Decimal, rawMoney, toDecimal } from "../../rules/money"
import { providerAccount } from "../../rules/roles"
import { creditSourceType, reservations } from "../available-credits"
import { loadClock } from "../../ledger/clock"
import { ArDocRow, openAsOf, openOf } from "../documents"
import type { CustomerRefundInput, RefundContext, RefundLineInput } from "./types"

type ResolvedLine = RefundLineInput & {
  amount: Decimal
  ar_document_id: string | null
  /** The order whose document the line draws on (overpayment, negative invoice, return memo). */
  order_id?: string | null
  /** The AR document as resolveLines read it (locked when asked), so checks need not read it again. */
  document?: ArDocRow
}

/**
 * The AR documents the lines name, read at once: memos by their memo id,
 * other credits by id. With `lock`, FOR UPDATE in id order (as lockDocuments).
 */
async function documentFinder(knex: Knex, lines: RefundLineInput[], { lock = false } = {}) {
  const ids = (type: (t: string) => boolean) =>
    lines.filter((l) => type(l.source_type)).map((l) => l.source_id)
  const memoIds = ids((t) => t === "credit_memo")
  const docIds = ids((t) => t !== "credit_memo" && t !== "store_credit")
  const query = knex("accounting_ar_document")
    .whereNull("deleted_at")
    .where((q) =>
      q.whereIn("id", docIds).orWhere((m) => m.where("doc_type", "credit_memo").whereIn("source_id", memoIds))
    )
  const rows: ArDocRow[] = await (lock ? query.orderBy("id").forUpdate() : query)
  return (line: RefundLineInput) =>
    line.source_type === "credit_memo"
      ? rows.find((d) => d.doc_type === "credit_memo" && d.source_id === line.source_id)
      : rows.find((d) => d.id === line.source_id)
}

/**
 * Checks every line names a credit of this customer in this currency and
 * resolves it to the AR document it draws on (`lock`: and locks those
 * documents). Orders (what the customer owes) are never refundable: only
 * credits are.
 */
export async function resolveLines(
  knex: Knex,
  input: CustomerRefundInput,
  context: RefundContext,
  { lock = false } = {}
): Promise<ResolvedLine[]> {
  const currency = input.currency_code.toLowerCase()
  if (!input.lines.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "A refund needs at least one credit line")
  }
  const documentOf = await documentFinder(knex, input.lines, { lock })
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
    const doc = documentOf(line)
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
    resolved.push({ ...line, amount, ar_document_id: doc.id, order_id: doc.order_id, document: doc })
  }
  return resolved
}

export async function paymentAccountFor(
  knex: Knex,
  input: CustomerRefundInput,
  context: RefundContext
): Promise<string> {
  const map = await loadAccountMap(knex)
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
    assertPaymentAccount(account, { arAccountId: map.role.ar })
    return account.id
  }
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

export function assertCardPayment(input: CustomerRefundInput, context: RefundContext, total: Decimal) {
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

export function refundRow(input: CustomerRefundInput, total: Decimal, paymentAccountId: string) {
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
    reason_code: input.reason_code ?? null,
    attachment_url: input.attachment_url ?? null,
    metadata: input.metadata ? JSON.stringify(input.metadata) : null,
    total: total.toString(),
    raw_total: rawMoney(total),
  }
}

export async function insertRefundLines(knex: Knex, refundId: string, lines: ResolvedLine[]) {
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
 * Checks each line against what is available: the least the credit stood
 * open on the refund date and today (a void or an unapplication dated later
 * frees nothing before its date), less other refunds being posted.
 * REFUND_EXCEEDS_CREDIT names the first one short.
 */
export async function assertAvailable(
  knex: Knex,
  lines: ResolvedLine[],
  context: RefundContext,
  { refundDate, excludeRefundId }: { refundDate: string; excludeRefundId?: string }
) {
  const docIds = lines.map((l) => l.ar_document_id).filter((x): x is string => !!x)
  const accountIds = lines.filter((l) => l.source_type === "store_credit").map((l) => l.source_id)
  const reserved = await reservations(knex, {
    ar_document_ids: docIds,
    store_credit_ids: accountIds,
    exclude_refund_id: excludeRefundId,
  })
  // The documents resolveLines read in this transaction; any other (the import's running totals) is read here.
  const docs = new Map<string, ArDocRow>(
    lines.flatMap((l) => (l.document ? [[l.document.id, l.document]] : []))
  )
  const unread = docIds.filter((id) => !docs.has(id))
  for (const d of unread.length ? await knex("accounting_ar_document").whereIn("id", unread) : []) {
    docs.set(d.id, d)
  }
  const { today } = await loadClock(knex)
  const openThen = await openAsOf(knex, docIds, [refundDate, today])
  for (const line of lines) {
    const key = line.ar_document_id ?? line.source_id
    const doc = line.ar_document_id ? docs.get(key)! : null
    assertRefundWithinCredit({
      amount: line.amount,
      open: doc
        ? Decimal.min(openOf(doc), openThen.get(key) ?? openOf(doc))
        : toDecimal(context.store_credit_accounts?.[key]?.balance ?? 0),
      reserved: reserved.get(key),
      name: doc ? (doc.number ?? key) : `store credit ${key}`,
    })
  }
}

/**
 * A credit of an order counts only once every Medusa refund of that order is
 * booked (by order sync or by one of our refunds): with refunds unbooked
 * (posting.refunds off, a posting error) the overpayment may already be paid
 * back, and refunding it again would pay twice (ORDER_NOT_BOOKED).
 */
export async function assertOrdersBooked(knex: Knex, lines: ResolvedLine[], context: RefundContext) {
  const orders = [...new Set(lines.map((l) => l.order_id).filter((x): x is string => !!x))]
  const refundIds = orders.flatMap((o) => context.order_refunds?.[o] ?? [])
  if (!refundIds.length) {
    return
  }
  const booked = await knex("accounting_ar_document")
    .select("source_id")
    .where({ doc_type: "payment_refund" })
    .whereIn("source_id", refundIds)
  const claimed = await knex("accounting_customer_refund")
    .select("medusa_refund_id")
    .whereIn("medusa_refund_id", refundIds)
  const known = new Set([...booked.map((r: any) => r.source_id), ...claimed.map((r: any) => r.medusa_refund_id)])
  for (const order of orders) {
    const missing = (context.order_refunds?.[order] ?? []).filter((r) => !known.has(r))
    if (missing.length) {
      throw new AccountingError(
        "ORDER_NOT_BOOKED",
        `Order ${order} has Medusa refund(s) ${missing.join(", ")} not booked yet (see posting errors); its credits cannot be refunded until they are`
      )
    }
  }
}
