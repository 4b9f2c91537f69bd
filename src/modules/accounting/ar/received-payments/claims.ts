import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { advisoryLock } from "../../db"
import { AccountingError } from "../../errors"
import type { ReceivedPaymentContext, ReceivedPaymentInput } from "./types"

/**
 * A received payment may be the money of a payment Medusa recorded itself
 * (manual provider, "mark as paid"). Then it claims that payment, under the
 * order's lock that order sync takes too: refused when a capture of it is
 * already posted (PAYMENT_ALREADY_POSTED), and order sync skips its captures
 * afterwards. Either way the money is posted once.
 */
export async function assertClaimable(knex: Knex, input: ReceivedPaymentInput, context: ReceivedPaymentContext) {
  if (!input.medusa_payment_id) {
    return
  }
  const payment = context.medusa_payment
  if (!payment || payment.id !== input.medusa_payment_id) {
    throw new AccountingError("PAYMENT_REQUIRED", `Medusa payment ${input.medusa_payment_id} was not found`)
  }
  if (payment.currency_code.toLowerCase() !== input.currency_code.toLowerCase()) {
    throw new AccountingError(
      "CURRENCY_MISMATCH",
      `Medusa payment ${payment.id} is in ${payment.currency_code.toUpperCase()}`
    )
  }
  if (payment.order_id) {
    await advisoryLock(knex, `ar:order:${payment.order_id}`)
  }
  const posted = payment.capture_ids.length
    ? await knex("accounting_ar_document")
        .where({ doc_type: "payment" })
        .whereIn("source_id", payment.capture_ids)
        .first()
    : null
  const claimed = await knex("accounting_received_payment").where({ medusa_payment_id: payment.id }).first()
  if (posted || claimed) {
    throw new AccountingError(
      "PAYMENT_ALREADY_POSTED",
      `Medusa payment ${payment.id} is already posted${claimed ? ` as ${claimed.number}` : " from its capture"}; record nothing more for it`
    )
  }
}

/** The Medusa payments (of an order) that received payments claimed: order sync posts none of their captures. */
export async function claimedMedusaPayments(knex: Knex, paymentIds: string[]): Promise<Set<string>> {
  if (!paymentIds.length) {
    return new Set()
  }
  const rows = await knex("accounting_received_payment")
    .whereIn("medusa_payment_id", paymentIds)
    .whereNull("deleted_at")
    .select("medusa_payment_id")
  return new Set(rows.map((r: any) => r.medusa_payment_id))
}
