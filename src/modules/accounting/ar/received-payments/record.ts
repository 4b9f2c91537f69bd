import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { Actor, recordAudit } from "../../ledger/audit"
import { assertDateAllowed } from "../../ledger/clock"
import { assertPeriodOpen } from "../../ledger/periods"
import { postEntry } from "../../ledger/posting"
import { nextDocumentNumber } from "../../ledger/sequences"
import { loadAccountMap, roleAccount } from "../../ledger/settings"
import { assertAtPrecision, moneyColumns } from "../../rules/money"
import { allocateOldestDueFirst, Allocation, assertAllocationsWithinPayment } from "../../rules/payment-allocation"
import { applyCreditToOrder } from "../applications"
import { insertArDocument } from "../documents"
import { openOrdersOf } from "../open-orders"
import { receivingAccount } from "./accounts"
import { assertClaimable } from "./claims"
import type { ReceivedPaymentContext, ReceivedPaymentInput } from "./types"

/**
 * Records and posts a payment received outside Medusa on its date (PMT-
 * number): Dr the method's account / Cr AR, an AR credit document, then its
 * allocations (given, or oldest due first) in one application batch. What is
 * not allocated stays open as the customer's credit.
 */
export async function recordReceivedPayment(
  knex: Knex,
  input: ReceivedPaymentInput,
  context: ReceivedPaymentContext,
  actor: Actor
): Promise<{ id: string; application_id: string | null }> {
  const currency = input.currency_code.toLowerCase()
  const amount = assertAtPrecision(input.amount, currency, "amount")
  if (!amount.gt(0)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "amount must be greater than 0")
  }
  await assertDateAllowed(knex, input.payment_date)
  await assertPeriodOpen(knex, input.payment_date)
  const accountId = await receivingAccount(knex, input.method, input.payment_account_id)
  await assertClaimable(knex, { ...input, currency_code: currency }, context)
  const allocations = await allocationsOf(knex, input, currency, amount)

  const id = generateEntityId(undefined, "rpay")
  const number = await nextDocumentNumber(knex, "received_payment")
  const map = await loadAccountMap(knex)
  const ref = { customer_id: input.customer_id, order_id: null }
  const { entry } = await postEntry(knex, {
    entry_date: input.payment_date,
    currency_code: currency,
    memo: `Payment ${number} (${input.method})${input.reference ? ` ref ${input.reference}` : ""}`,
    source_type: "received_payment",
    source_id: id,
    source_kind: "posted",
    origin: actor.origin,
    actor_id: actor.actor_id,
    lines: [
      { account_id: accountId, debit: amount, credit: 0, description: `Payment received (${input.method})`, ...ref },
      { account_id: roleAccount(map, "ar"), debit: 0, credit: amount, description: "Receivable", ...ref },
    ],
  })
  await knex("accounting_received_payment").insert({
    id,
    number,
    status: "posted",
    customer_id: input.customer_id,
    currency_code: currency,
    payment_date: input.payment_date,
    method: input.method,
    payment_account_id: accountId,
    reference: input.reference ?? null,
    memo: input.memo ?? null,
    ...moneyColumns("amount", amount),
    medusa_payment_id: input.medusa_payment_id ?? null,
    journal_entry_id: entry.id,
    created_by: actor.actor_id ?? null,
    origin: actor.origin ?? "api",
    metadata: input.metadata ? JSON.stringify(input.metadata) : null,
  })
  const doc = await insertArDocument(knex, {
    doc_type: "received_payment",
    sign: -1,
    number,
    customer_id: input.customer_id,
    currency_code: currency,
    document_date: input.payment_date,
    due_date: input.payment_date,
    amount,
    source_id: id,
    journal_entry_id: entry.id,
  })
  let batch: string | null = null
  for (const allocation of allocations) {
    batch = await applyCreditToOrder(
      knex,
      {
        credit_document_id: doc.id,
        order_id: allocation.order_id,
        amount: allocation.amount,
        date: input.payment_date,
        credit_name: `payment ${number}`,
        batch_id: batch ?? undefined,
      },
      actor
    )
  }
  await recordAudit(knex, {
    entity_type: "received_payment",
    entity_id: id,
    action: "post",
    to_status: "posted",
    data: {
      number,
      journal_entry_id: entry.id,
      application_id: batch,
      allocations: allocations.map((a) => ({ order_id: a.order_id, amount: a.amount.toString() })),
    },
    ...actor,
  })
  return { id, application_id: batch }
}

async function allocationsOf(
  knex: Knex,
  input: ReceivedPaymentInput,
  currency: string,
  amount: ReturnType<typeof assertAtPrecision>
): Promise<Allocation[]> {
  if (!input.allocations) {
    const open = await openOrdersOf(knex, input.customer_id, currency)
    return allocateOldestDueFirst(amount, open)
  }
  const given = input.allocations.map((a, i) => ({
    order_id: a.order_id,
    amount: assertAtPrecision(a.amount, currency, `allocations[${i}].amount`),
  }))
  assertAllocationsWithinPayment(amount, given)
  return given
}
