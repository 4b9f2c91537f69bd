import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { AccountingError } from "../../errors"
import { Actor, recordAudit } from "../../ledger/audit"
import { draftApproval } from "../approvals"
import { assertDateAllowed } from "../../ledger/clock"
import { checkReasonCode } from "../../ledger/reason-codes"
import { readMoney, sumMoney } from "../../rules/money"
import {
  assertAvailable,
  assertCardPayment,
  assertOrdersBooked,
  insertRefundLines,
  paymentAccountFor,
  refundRow,
  resolveLines,
} from "./lines"
import type { CustomerRefundInput, RefundContext } from "./types"

export async function createCustomerRefundDraft(
  knex: Knex,
  input: CustomerRefundInput,
  context: RefundContext,
  actor: Actor
) {
  await assertDateAllowed(knex, input.refund_date)
  await checkReasonCode(knex, "customer_refund", input.reason_code)
  const lines = await resolveLines(knex, input, context)
  const total = sumMoney(lines.map((l) => l.amount))
  assertCardPayment(input, context, total)
  await assertAvailable(knex, lines, context, { refundDate: input.refund_date })
  await assertOrdersBooked(knex, lines, context)
  const paymentAccountId = await paymentAccountFor(knex, input, context)
  const id = generateEntityId(undefined, "cref")
  await knex("accounting_customer_refund").insert({
    id,
    status: "draft",
    ...refundRow(input, total, paymentAccountId),
    ...(await draftApproval(knex, "customer_refund", input.currency_code, total)),
    created_by: actor.actor_id ?? null,
    origin: actor.origin ?? "api",
  })
  await insertRefundLines(knex, id, lines)
  await recordAudit(knex, {
    entity_type: "customer_refund",
    entity_id: id,
    action: "create",
    to_status: "draft",
    after: { ...input, total: total.toString() },
    ...actor,
  })
  return id
}

export async function lockRefund(knex: Knex, id: string) {
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

export function refuseUnlessDraft(refund: any, action: string) {
  if (refund.status === "draft") {
    return
  }
  const code =
    action === "edited"
      ? "IMMUTABLE"
      : refund.status === "voided"
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

/** The stored refund with its lines; `locked` is its row when the caller already holds it (lockRefund). */
export async function loadRefundInput(knex: Knex, id: string, locked?: any): Promise<StoredRefund> {
  const refund = locked ?? (await knex("accounting_customer_refund").where({ id }).whereNull("deleted_at").first())
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
  const current = await loadRefundInput(knex, id, refund)
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
  if (update.reason_code !== undefined) {
    await checkReasonCode(knex, "customer_refund", update.reason_code)
  }
  const lines = await resolveLines(knex, input, context)
  const total = sumMoney(lines.map((l) => l.amount))
  assertCardPayment(input, context, total)
  await assertDateAllowed(knex, input.refund_date)
  await assertAvailable(knex, lines, context, { refundDate: input.refund_date, excludeRefundId: id })
  const paymentAccountId = await paymentAccountFor(knex, input, context)
  await knex("accounting_customer_refund")
    .where({ id })
    .update({
      ...refundRow(input, total, paymentAccountId),
      ...(await draftApproval(knex, "customer_refund", input.currency_code, total)),
      updated_at: knex.fn.now(),
    })
  await knex("accounting_customer_refund_line").where({ refund_id: id }).del()
  await insertRefundLines(knex, id, lines)
  await recordAudit(knex, {
    entity_type: "customer_refund",
    entity_id: id,
    action: "update",
    before: current,
    after: { ...input, total: total.toString() },
    ...actor,
  })
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
