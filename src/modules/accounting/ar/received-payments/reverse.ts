import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import { AccountingError } from "../../errors"
import { Actor, recordAudit } from "../../ledger/audit"
import { assertPeriodOpen } from "../../ledger/periods"
import { reverseEntry } from "../../ledger/posting"
import { RESERVING_STATUSES } from "../../models/customer-refund"
import { unapplyAll } from "../applications"
import { latestApplicationDate, lockDocuments, voidArDocument } from "../documents"
import type { PaymentReversalInput } from "./types"

export async function lockReceivedPayment(knex: Knex, id: string) {
  const payment = await knex("accounting_received_payment").where({ id }).whereNull("deleted_at").forUpdate().first()
  if (!payment) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payment ${id} was not found`)
  }
  return payment
}

/** The deposit slip (DS-) that moved this payment to the bank, and that bank account, if any. */
async function depositOf(knex: Knex, paymentId: string) {
  const deposit = await knex("accounting_bank_deposit_item as i")
    .join("accounting_bank_deposit as d", "d.id", "i.deposit_id")
    .where({ "i.receipt_type": "received_payment", "i.receipt_id": paymentId })
    .first("d.number", "d.journal_entry_id")
  if (!deposit) {
    return null
  }
  const bank = await knex("accounting_journal_line")
    .where({ entry_id: deposit.journal_entry_id })
    .where("debit", ">", 0)
    .first("account_id")
  return { number: deposit.number as string, bank_account_id: bank.account_id as string }
}

/**
 * Reverses a posted payment (bounced check, chargeback, entered in error) on
 * `date`, on or after the payment and its applications: its applications end
 * that day, so the orders it paid are open again; the entry is mirrored
 * (Dr AR / Cr the account it was debited to, or the bank once it was
 * deposited from Undeposited Funds); kind and reason are kept. Refused while
 * a refund stands on its unapplied part (void that first).
 */
export async function reverseReceivedPayment(knex: Knex, id: string, input: PaymentReversalInput, actor: Actor) {
  const payment = await lockReceivedPayment(knex, id)
  if (payment.status !== "posted") {
    throw new AccountingError("ALREADY_REVERSED", `Payment ${payment.number} is already reversed`)
  }
  if (input.date < payment.payment_date) {
    throw new AccountingError(
      "DATE_BEFORE_ORIGINAL",
      `The reversal date ${input.date} is before the payment date ${payment.payment_date}`
    )
  }
  await assertPeriodOpen(knex, input.date)
  const [doc] = await lockDocuments(knex, (q) => q.where({ doc_type: "received_payment", source_id: id }))
  const apps = await knex("accounting_ar_application")
    .where({ credit_document_id: doc.id })
    .whereNull("unapplied_date")
    .whereNull("deleted_at")
  const reserved = await knex("accounting_customer_refund_line as l")
    .join("accounting_customer_refund as r", "r.id", "l.refund_id")
    .where({ "l.ar_document_id": doc.id })
    .whereIn("r.status", [...RESERVING_STATUSES])
    .first()
  if (reserved || apps.some((a: any) => a.kind === "refund")) {
    throw new AccountingError(
      "CREDIT_NOT_AVAILABLE",
      `Payment ${payment.number} was partly refunded; void that refund before reversing the payment`
    )
  }
  const latest = await latestApplicationDate(knex, doc.id)
  if (latest && input.date < latest) {
    throw new AccountingError(
      "DATE_BEFORE_ORIGINAL",
      `The reversal date ${input.date} is before ${latest}, when payment ${payment.number} was applied or unapplied`
    )
  }
  await unapplyAll(knex, apps, input.date, actor)
  const deposit = await depositOf(knex, id)
  const { reversal } = await reverseEntry(knex, payment.journal_entry_id, {
    date: input.date,
    memo: `Reversal of payment ${payment.number} (${input.kind})${deposit ? `, deposited on ${deposit.number}` : ""}: ${input.reason}`,
    replace_accounts: deposit ? { [payment.payment_account_id]: deposit.bank_account_id } : undefined,
    actor_id: actor.actor_id,
    origin: actor.origin,
    source_type: "received_payment",
    source_id: id,
    source_kind: "reversed",
  })
  await voidArDocument(knex, doc.id, input.date, reversal.id)
  await knex("accounting_received_payment").where({ id }).update({
    status: "reversed",
    reversal_date: input.date,
    reversal_kind: input.kind,
    reversal_reason: input.reason,
    reversal_journal_entry_id: reversal.id,
    reversed_by: actor.actor_id ?? null,
    reversed_at: knex.fn.now(),
    updated_at: knex.fn.now(),
  })
  await recordAudit(knex, {
    entity_type: "received_payment",
    entity_id: id,
    action: "reverse",
    from_status: "posted",
    to_status: "reversed",
    data: {
      date: input.date,
      kind: input.kind,
      reason: input.reason,
      journal_entry_id: reversal.id,
      reopened_orders: [...new Set(apps.map((a: any) => a.debit_document_id))],
    },
    ...actor,
  })
}
