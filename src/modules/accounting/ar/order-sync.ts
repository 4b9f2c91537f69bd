import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { advisoryLock } from "../db"
import { AccountingError } from "../errors"
import { firstOpenDay } from "../ledger/periods"
import { postEntry } from "../ledger/posting"
import { DEFAULT_POSTING, loadAccountMap, loadPostingSettings, roleAccount } from "../ledger/settings"
import { signedToLines } from "../rules/balance"
import { addDays } from "../rules/dates"
import { Decimal, readMoney, roundMoney } from "../rules/money"
import {
  Components,
  isLiabilityLine,
  isZero,
  OrderSnapshot,
  recognitionLines,
  serializeComponents,
  subtractComponents,
  sumComponents,
  targetComponents,
} from "../rules/order-recognition"
import { AccountMap, providerAccount } from "../rules/roles"
import { ArDocRow, insertArDocument, NewArDocument } from "./documents"
import { mayTransfer, transferOrderDocuments } from "./order-transfer"
import { claimedMedusaPayments } from "./received-payments/claims"
import { createReturnMemo, undocumentedReturn } from "./return-memos"
import { settleOrder } from "./settle-order"

export type OrderSyncResult = {
  order_id: string
  /** `credit_memo_id`: a received return documented as a credit memo. */
  posted: { entry_id: string; number: string | null; kind: string; credit_memo_id?: string }[]
  skipped?: string
  /** Captures and refunds left unposted while the order's receivable is not recognised. */
  parked?: string[]
  /**
   * Items refused (closed period, lock date, unmapped account…): each was
   * rolled back alone, the others posted. The caller keeps them as a posting error.
   */
  failed?: { kind: string; id: string; date: string; code: string | null; message: string }[]
}

type Settings = Awaited<ReturnType<typeof loadPostingSettings>>

function dueDate(order: OrderSnapshot, settings: Settings, date: string): string {
  const groupDays = settings.payment_terms.customer_groups
    .filter((t) => order.customer_group_ids.includes(t.customer_group_id))
    .map((t) => t.days)
  const days = groupDays.length ? Math.max(...groupDays) : settings.payment_terms.default_days
  return addDays(date, days)
}

function recognitionAccounts(map: AccountMap) {
  return {
    ar: roleAccount(map, "ar"),
    sales: roleAccount(map, "sales"),
    sales_returns: roleAccount(map, "sales_returns"),
    shipping: roleAccount(map, "shipping"),
    discounts: roleAccount(map, "discounts"),
    tax: roleAccount(map, "tax"),
    customer_deposits: roleAccount(map, "customer_deposits"),
    gift_card_liability: roleAccount(map, "gift_card_liability"),
    rounding: roleAccount(map, "rounding"),
  }
}

/** Documents order recognition booked (a return's credit memo carries its breakdown too). */
const isRecognition = (d: ArDocRow) =>
  d.doc_type === "order" ||
  d.doc_type === "order_adjustment" ||
  (d.doc_type === "credit_memo" && !!d.breakdown)

/** What has to be posted for the order that is not posted yet, in date order. */
type Pending =
  | { kind: "recognition"; date: string; delta: Components; first: boolean; canceled: boolean }
  | { kind: "capture"; date: string; id: string; amount: Decimal; provider_id: string }
  | { kind: "refund"; date: string; id: string; amount: Decimal; provider_id: string }

/**
 * Brings the AR subledger and the GL of one order up to the order's current
 * state: recognition (placement, then each change as a delta), captures and
 * refunds, each posted once under its source key, then settles the order's
 * documents. Runs under a per-order lock; a snapshot older than what was
 * already posted changes nothing, so duplicated or late events are harmless.
 */
export async function syncOrder(
  knex: Knex,
  order: OrderSnapshot,
  origin = "subscriber",
  { force = false }: { force?: boolean } = {}
): Promise<OrderSyncResult> {
  await advisoryLock(knex, `ar:order:${order.id}`)
  const settings = await loadPostingSettings(knex)
  const map = await loadAccountMap(knex)
  const currency = order.currency_code.toLowerCase()
  // `force` (demo seed, tests) posts whatever the toggles say: the defaults are all on.
  const posting = force ? DEFAULT_POSTING : settings.posting

  const docs: ArDocRow[] = await knex("accounting_ar_document")
    .where({ order_id: order.id })
    .whereNull("deleted_at")
  // What order recognition posted: placement, changes, and returns documented as credit memos.
  const recognitions = docs.filter((d) => isRecognition(d))
  const canceledPosted = recognitions.some((d) => d.breakdown?.canceled === "true")
  const newestVersion = Math.max(-1, ...recognitions.map((d) => d.source_version ?? -1))
  const stale = newestVersion > order.version || (canceledPosted && order.status !== "canceled")

  const pending: Pending[] = []

  // Recognition delta
  const isCancel = order.status === "canceled"
  const recognitionEnabled =
    !stale &&
    (recognitions.length === 0
      ? posting.orders
      : isCancel && !canceledPosted
        ? posting.cancellations
        : posting.order_changes)
  if (recognitionEnabled) {
    const offset = await allowanceOffset(knex, order.id)
    const target = targetComponents(order, offset)
    const recognised = sumComponents(recognitions.map((d) => d.breakdown ?? {}))
    if (recognitions.length === 0 && isCancel) {
      // First seen already canceled (backfill): post the sale, then its cancellation.
      const placement = targetComponents(
        { ...order, status: "pending", credit_lines: order.credit_lines.filter(isLiabilityLine) },
        offset
      )
      pending.push({
        kind: "recognition",
        date: order.order_date,
        delta: placement,
        first: true,
        canceled: false,
      })
      pending.push({
        kind: "recognition",
        date: order.change_date,
        delta: subtractComponents(target, placement),
        first: false,
        canceled: true,
      })
    } else {
      const delta = subtractComponents(target, recognised)
      if (recognitions.length === 0 || !isZero(delta)) {
        pending.push({
          kind: "recognition",
          date: recognitions.length === 0 ? order.order_date : order.change_date,
          delta,
          first: recognitions.length === 0,
          canceled: isCancel,
        })
      }
    }
  }

  const posted = new Set(docs.map((d) => `${d.doc_type}:${d.source_id}`))
  const claims = await refundClaims(knex, order)
  // Payments recorded as received payments (PMT-) are posted there, not again from their capture.
  const claimedPayments = await claimedMedusaPayments(knex, order.payments.map((p) => p.id))
  // Money for a receivable not recognised (posting.orders off) is parked, not an overpayment.
  const receivableRecognised = recognitions.length > 0 || pending.length > 0
  const parked: string[] = []
  for (const payment of order.payments) {
    if (!receivableRecognised) {
      parked.push(...payment.captures.map((c) => c.id), ...payment.refunds.map((r) => r.id))
      continue
    }
    if (posting.payments) {
      for (const capture of claimedPayments.has(payment.id) ? [] : payment.captures) {
        if (!posted.has(`payment:${capture.id}`)) {
          pending.push({
            kind: "capture",
            date: capture.date,
            id: capture.id,
            amount: roundMoney(capture.amount, currency),
            provider_id: payment.provider_id,
          })
        }
      }
    }
    if (posting.refunds) {
      for (const refund of payment.refunds) {
        if (!posted.has(`payment_refund:${refund.id}`) && !claims.has(refund.id)) {
          pending.push({
            kind: "refund",
            date: refund.date,
            id: refund.id,
            amount: roundMoney(refund.amount, currency),
            provider_id: payment.provider_id,
          })
        }
      }
    }
  }
  // Recognition first on the same day: the receivable exists before money settles it.
  const rank = { recognition: 0, capture: 1, refund: 2 }
  pending.sort((a, b) => a.date.localeCompare(b.date) || rank[a.kind] - rank[b.kind])

  const result: OrderSyncResult = {
    order_id: order.id,
    posted: [],
    ...(stale && { skipped: "stale snapshot" }),
    ...(parked.length && { parked }),
  }
  const ref = { customer_id: order.customer_id, order_id: order.id }
  const docBase = {
    customer_id: order.customer_id,
    currency_code: currency,
    order_id: order.id,
    region_id: order.region_id ?? null,
    sales_channel_id: order.sales_channel_id ?? null,
  }
  const orderNumber = order.display_id ? `#${order.display_id}` : order.id

  const failed: NonNullable<OrderSyncResult["failed"]> = []
  if (!stale && mayTransfer(docs, order.customer_id)) {
    // Order transferred to another customer: its open items follow, then sync goes on for the new one.
    try {
      const moved = await knex.transaction((sp) =>
        transferOrderDocuments(sp, {
          order_id: order.id,
          order_number: orderNumber,
          customer_id: order.customer_id,
          map,
          origin,
          late_items: settings.late_items_to_open_period,
        })
      )
      if (moved) {
        result.posted.push({ entry_id: moved.entry_id, number: moved.number, kind: "order_transfer" })
      }
    } catch (e: any) {
      failed.push({
        kind: "order_transfer",
        id: order.id,
        date: "",
        code: typeof e?.code === "string" ? e.code : null,
        message: `transfer of order ${orderNumber} to ${order.customer_id}: ${e?.message ?? e}`,
      })
    }
  }
  let recognitionBlocked = false
  for (const item of pending) {
    const itemId = item.kind === "recognition" ? order.id : item.id
    if (item.kind === "recognition" && recognitionBlocked) {
      continue
    }
    try {
      // A savepoint per item: a refused item rolls back alone, the rest of the order posts.
      const posted = await knex.transaction((sp) =>
        postItem(sp, item, { order, settings, map, currency, origin, recognitions, result, ref, docBase, orderNumber })
      )
      result.posted.push(posted)
    } catch (e: any) {
      failed.push({
        kind: item.kind,
        id: itemId,
        date: item.date,
        code: typeof e?.code === "string" ? e.code : null,
        message: `${item.kind} ${itemId} dated ${item.date}: ${e?.message ?? e}${
          e?.code === "PERIOD_CLOSED" || e?.code === "PERIOD_LOCKED"
            ? " (turn on late_items_to_open_period to post it on the first open day)"
            : ""
        }`,
      })
      if (item.kind === "recognition") {
        // Later deltas build on this one; the placement is what captures settle.
        recognitionBlocked = true
        if (item.first) {
          break
        }
      }
    }
  }
  if (failed.length) {
    result.failed = failed
  }
  return result
}

type ItemContext = {
  order: OrderSnapshot
  settings: Settings
  map: AccountMap
  currency: string
  origin: string
  recognitions: ArDocRow[]
  result: OrderSyncResult
  ref: { customer_id: string; order_id: string }
  docBase: Omit<NewArDocument, "doc_type" | "sign" | "document_date" | "due_date" | "amount" | "source_id">
  orderNumber: string
}

/**
 * Posts one pending item. Dated in a closed period or before the lock date,
 * it posts on the first open day when the settings allow late items, keeping
 * its own day as the entry's original_date; otherwise it is refused.
 */
async function postItem(knex: Knex, item: Pending, ctx: ItemContext): Promise<OrderSyncResult["posted"][number]> {
  const { order, settings, map, currency, origin, recognitions, result, ref, docBase, orderNumber } = ctx
  const date = settings.late_items_to_open_period ? await firstOpenDay(knex, item.date) : item.date
  const original_date = date !== item.date ? item.date : null
  let doc: ArDocRow
  let posted: OrderSyncResult["posted"][number]
  if (item.kind === "recognition") {
    const seq = recognitions.length + result.posted.filter((p) => p.kind === "recognition").length
    const lines = recognitionLines(item.delta, recognitionAccounts(map), { canceled: item.canceled })
    const { entry } = await postEntry(knex, {
      entry_date: date,
      original_date,
      currency_code: currency,
      memo: item.first
        ? `Order ${orderNumber} placed`
        : item.canceled
          ? `Order ${orderNumber} canceled`
          : `Order ${orderNumber} changed (v${order.version})`,
      source_type: "order",
      source_id: order.id,
      source_kind: item.first ? "placed" : `change:${seq}`,
      origin,
      lines: signedToLines(lines).map((l) => ({ ...l, ...ref })),
    })
    const receivable = item.delta.receivable
    const returnId =
      settings.auto_credit_memo_on_return && !item.first && !item.canceled && receivable.lt(0)
        ? await undocumentedReturn(knex, order)
        : null
    const memo = returnId
      ? await createReturnMemo(knex, {
          order,
          return_id: returnId,
          date: item.date,
          delta: item.delta,
          journal_entry_id: entry.id,
          origin,
        })
      : null
    doc = await insertArDocument(knex, {
      ...docBase,
      doc_type: memo ? "credit_memo" : item.first ? "order" : "order_adjustment",
      sign: receivable.lt(0) ? -1 : 1,
      number: memo?.number ?? (item.first ? orderNumber : `${orderNumber}-${seq}`),
      document_date: date,
      due_date: dueDate(order, settings, date),
      amount: receivable.abs(),
      source_id: memo?.id ?? (item.first ? order.id : `${order.id}:${seq}`),
      journal_entry_id: entry.id,
      breakdown: { ...serializeComponents(item.delta), ...(item.canceled && { canceled: "true" }) },
      source_version: order.version,
    })
    posted = {
      entry_id: entry.id,
      number: entry.number,
      kind: "recognition",
      ...(memo && { credit_memo_id: memo.id }),
    }
  } else {
    const money = providerAccount(map, item.provider_id)
    if (!money) {
      throw new AccountingError(
        "ACCOUNT_NOT_MAPPED",
        `No account for payment provider ${item.provider_id} and no card_clearing role`
      )
    }
    const ar = roleAccount(map, "ar")
    const isCapture = item.kind === "capture"
    const { entry } = await postEntry(knex, {
      entry_date: date,
      original_date,
      currency_code: currency,
      memo: `${isCapture ? "Payment captured" : "Payment refunded"} on order ${orderNumber}`,
      source_type: item.kind,
      source_id: item.id,
      source_kind: isCapture ? "captured" : "refunded",
      origin,
      lines: [
        { account_id: isCapture ? money : ar, debit: item.amount, ...ref },
        { account_id: isCapture ? ar : money, credit: item.amount, ...ref },
      ],
    })
    doc = await insertArDocument(knex, {
      ...docBase,
      doc_type: isCapture ? "payment" : "payment_refund",
      sign: isCapture ? -1 : 1,
      number: `${orderNumber} ${isCapture ? "payment" : "refund"}`,
      document_date: date,
      due_date: date,
      amount: item.amount,
      source_id: item.id,
      journal_entry_id: entry.id,
    })
    posted = { entry_id: entry.id, number: entry.number, kind: item.kind }
  }
  await settleOrder(knex, order.id, doc, date)
  return posted
}

/**
 * Card refunds our customer refunds made on this order's payments: Medusa
 * adds a credit line for them that our credit memos already recognised.
 */
async function allowanceOffset(knex: Knex, orderId: string): Promise<Decimal> {
  const rows = await knex("accounting_customer_refund")
    .select("raw_card_credit_line_amount", "card_credit_line_amount")
    .where({ card_order_id: orderId })
    .whereIn("status", ["posting", "money_moved", "posted", "voided"])
    .whereNull("deleted_at")
  return rows.reduce(
    (acc: Decimal, r: any) => acc.plus(readMoney(r, "card_credit_line_amount")),
    new Decimal(0)
  )
}

/**
 * Medusa refunds that belong to one of our customer refunds: that refund
 * posts them (also while it is still being posted). One whose customer
 * refund rolled back to draft is an ordinary refund again.
 */
async function refundClaims(knex: Knex, order: OrderSnapshot): Promise<Set<string>> {
  const refunds = order.payments.flatMap((p) => p.refunds)
  const ids = refunds.map((r) => r.id)
  const refundIds = refunds.map((r) => r.customer_refund_id).filter((x): x is string => !!x)
  if (!ids.length) {
    return new Set()
  }
  const rows = await knex("accounting_customer_refund")
    .select("id", "status", "medusa_refund_id")
    .whereNull("deleted_at")
    .andWhere((q) => q.whereIn("medusa_refund_id", ids).orWhereIn("id", refundIds))
  const claimed = new Set<string>()
  for (const refund of refunds) {
    const owner = rows.find(
      (r: any) => r.medusa_refund_id === refund.id || r.id === refund.customer_refund_id
    )
    if (owner && (owner.medusa_refund_id === refund.id || owner.status !== "draft")) {
      claimed.add(refund.id)
    }
  }
  return claimed
}

/**
 * Whether every one of these Medusa captures is booked already (its payment
 * document exists, written in the transaction that posted it).
 */
export async function capturesBooked(knex: Knex, captureIds: string[]): Promise<boolean> {
  if (!captureIds.length) {
    return false
  }
  const { rows } = await knex.raw(
    `select count(distinct source_id)::int as n from accounting_ar_document
      where doc_type = 'payment' and source_id = any(?) and deleted_at is null`,
    [captureIds]
  )
  return rows[0].n === new Set(captureIds).size
}
