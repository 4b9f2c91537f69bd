import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import { AccountingError } from "../../errors"
import { Actor, recordAudit } from "../../ledger/audit"
import { reverseEntry } from "../../ledger/posting"
import { readMoney } from "../../rules/money"
import { lockDocuments, unapply, voidArDocument } from "../documents"
import { lockRefund } from "./drafts"

export type VoidRefundInput = {
  date: string
  /** Card refunds only: the provider reports the refund failed or was returned. */
  record_only?: boolean
  reason?: string | null
  /** Loyalty transactions that gave the store credit back (made by the void workflow). */
  store_credit_reversed?: string[]
}

/**
 * Voids a posted refund on `date` (on or after the refund date, open period):
 * the Reversed/Reversal pair, and the credits it consumed become available
 * again. Money that left cannot be unsent:
 * - a card refund is voided only `record_only` with a reason, when the
 *   provider reports the refund failed or came back; reconciliation lists it
 *   while Medusa still shows the refund;
 * - store credit comes back by itself: the workflow reverses the loyalty
 *   transactions first, and only then are the credits re-opened.
 * Otherwise the void is refused (MONEY_MOVED): refunding the re-opened credit
 * again would pay the customer twice.
 */
export async function voidCustomerRefund(knex: Knex, id: string, input: VoidRefundInput, actor: Actor) {
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
  const card = refund.method === "card" || !!refund.medusa_refund_id
  if (card && !(input.record_only && input.reason)) {
    throw new AccountingError(
      "MONEY_MOVED",
      `Refund ${refund.number} was paid to the card; void it only once the provider reports the refund failed or returned, with record_only: true and the reason`
    )
  }
  if (!card && input.record_only) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `record_only is for card refunds; refund ${refund.number} (${refund.method}) is voided as it stands`
    )
  }
  if (refund.store_credit_transaction_id && !input.store_credit_reversed?.length) {
    throw new AccountingError(
      "MONEY_MOVED",
      `Refund ${refund.number} moved store credit; void it through the void workflow, which takes the store credit back first`
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
    await voidArDocument(knex, refundDoc.id, input.date, reversal.id)
  }
  await knex("accounting_customer_refund")
    .where({ id })
    .update({
      status: "voided",
      void_date: input.date,
      void_journal_entry_id: reversal.id,
      void_record_only: !!input.record_only,
      void_reason: input.reason ?? null,
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
    data: {
      date: input.date,
      record_only: !!input.record_only,
      reason: input.reason ?? null,
      store_credit_reversed: input.store_credit_reversed ?? [],
      journal_entry_id: reversal.id,
    },
    ...actor,
  })
}
