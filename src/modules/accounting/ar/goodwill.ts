import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import { AccountingError } from "../errors"
import type { Actor } from "../ledger/audit"
import { assertDateAllowed } from "../ledger/clock"
import { assertPeriodOpen } from "../ledger/periods"
import { loadReasonCodes } from "../ledger/reason-codes"
import { approvalRequired, APPROVAL_DOCUMENT_TYPES, ApprovalDocumentType } from "../rules/approval"
import { assertAtPrecision } from "../rules/money"
import { assertReasonCode, reasonLabel } from "../rules/reason-codes"
import { loadApprovalThresholds } from "./approvals"
import { voidCreditMemo } from "./credit-memos"
import { assertCardPayment, paymentAccountFor } from "./customer-refunds/lines"
import type { RefundContext, RefundMethod } from "./customer-refunds/types"

export type GoodwillRefundRequest = {
  order_id: string
  amount: string | number
  currency_code: string
  reason_code: string
  method: RefundMethod
  payment_id?: string | null
  /** Defaults to the store's today. */
  date?: string | null
}

export type GoodwillRefundPlan = {
  customer_id: string
  currency_code: string
  order_number: string | null
  amount: string
  date: string
  /** The reason code's label (credit memo list), the memo's reason when no note is given. */
  reason_label: string
}

/**
 * Everything a goodwill refund (an allowance memo and its refund, one
 * request) could be refused for, checked before either is written: the
 * order's receivable and currency, the amount's precision, the day, both
 * documents' reason code, the approval thresholds of both (a goodwill refund
 * above either is refused with APPROVAL_REQUIRED: draft the memo and the
 * refund for approval instead) and the method's account. What remains
 * (over the order's credit, a provider's refusal) is undone by the workflow.
 */
export async function planGoodwillRefund(
  knex: Knex,
  input: GoodwillRefundRequest,
  context: RefundContext
): Promise<GoodwillRefundPlan> {
  const order = await knex("accounting_ar_document")
    .where({ order_id: input.order_id, doc_type: "order" })
    .whereNull("deleted_at")
    .orderBy("document_date")
    .first("customer_id", "currency_code", "number")
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${input.order_id} has nothing in accounts receivable`)
  }
  const currency = String(order.currency_code).toLowerCase()
  if (input.currency_code.toLowerCase() !== currency) {
    throw new AccountingError(
      "CURRENCY_MISMATCH",
      `Order ${order.number ?? input.order_id} is in ${currency.toUpperCase()}; the goodwill refund asks ${input.currency_code.toUpperCase()}`
    )
  }
  const amount = assertAtPrecision(input.amount, currency, "amount")
  if (!amount.gt(0)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "amount must be greater than 0")
  }
  const clock = await assertDateAllowed(knex, input.date)
  const date = input.date ?? clock.today
  await assertPeriodOpen(knex, date)
  const codes = await loadReasonCodes(knex)
  assertReasonCode(codes, "credit_memo", input.reason_code)
  assertReasonCode(codes, "customer_refund", input.reason_code)
  const thresholds = await loadApprovalThresholds(knex)
  // The two documents it makes: a write-off threshold has nothing to do with it.
  for (const type of ["credit_memo", "customer_refund"] as ApprovalDocumentType[]) {
    if (approvalRequired(thresholds, type, currency, amount)) {
      throw new AccountingError(
        "APPROVAL_REQUIRED",
        `A goodwill refund of ${amount.toString()} ${currency.toUpperCase()} is above the ${APPROVAL_DOCUMENT_TYPES[type].label.toLowerCase()} approval threshold: draft the memo and the refund for a second user holding ${APPROVAL_DOCUMENT_TYPES[type].permission}`
      )
    }
  }
  const refund = {
    customer_id: order.customer_id,
    currency_code: currency,
    refund_date: date,
    method: input.method,
    payment_id: input.payment_id ?? null,
    lines: [],
  }
  assertCardPayment(refund, context, amount)
  await paymentAccountFor(knex, refund, context)
  return {
    customer_id: order.customer_id,
    currency_code: currency,
    order_number: order.number ?? null,
    amount: amount.toString(),
    date,
    reason_label: reasonLabel(codes, "credit_memo", input.reason_code) ?? input.reason_code,
  }
}

/**
 * Undoes the allowance memo of a goodwill refund whose refund failed: voided
 * on its own date (an issued memo is never deleted). Left issued when a
 * refund drawing on it is past draft: once money moved (a card or store
 * credit payout) the refund only completes, and the memo's credit is its.
 * Returns whether the memo was voided.
 */
export async function voidGoodwillMemo(knex: Knex, id: string, actor: Actor): Promise<boolean> {
  const memo = await knex("accounting_credit_memo").where({ id }).whereNull("deleted_at").forUpdate().first()
  if (!memo || memo.status !== "issued") {
    return false
  }
  const drawing = await knex("accounting_customer_refund_line as l")
    .join("accounting_customer_refund as r", "r.id", "l.refund_id")
    .where({ "l.source_type": "credit_memo", "l.source_id": id })
    .whereNot("r.status", "draft")
    .whereNot("r.status", "voided")
    .whereNull("r.deleted_at")
    .first("r.id")
  if (drawing) {
    return false
  }
  await voidCreditMemo(knex, id, memo.memo_date, actor)
  return true
}
