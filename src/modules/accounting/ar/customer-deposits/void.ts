import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { AccountingError } from "../../errors"
import { Actor, recordAudit } from "../../ledger/audit"
import { assertPeriodOpen } from "../../ledger/periods"
import { reverseEntry } from "../../ledger/posting"
import { lockDeposit } from "./lock"
import type { DepositVoidInput } from "./types"

/**
 * Voids a deposit entered in error on `date` (on or after it): its entry is
 * mirrored (Dr Customer Advances / Cr the method's account), the posted
 * entry itself untouched. Only while nothing of it is applied or refunded
 * (DEPOSIT_IN_USE: unapply first; a refund is final).
 */
export async function voidCustomerDeposit(knex: Knex, id: string, input: DepositVoidInput, actor: Actor) {
  const deposit = await lockDeposit(knex, id, { allowVoided: true })
  if (deposit.status === "voided") {
    throw new AccountingError("ALREADY_VOIDED", `Deposit ${deposit.number} is already voided`)
  }
  if (deposit.applied_amount.gt(0) || deposit.refunded_amount.gt(0)) {
    throw new AccountingError(
      "DEPOSIT_IN_USE",
      `Deposit ${deposit.number} has ${deposit.applied_amount.toString()} applied and ${deposit.refunded_amount.toString()} refunded; unapply it first (refunds are final)`
    )
  }
  if (input.date < deposit.deposit_date) {
    throw new AccountingError(
      "DATE_BEFORE_ORIGINAL",
      `The void date ${input.date} is before the deposit date ${deposit.deposit_date}`
    )
  }
  await assertPeriodOpen(knex, input.date)
  const { reversal } = await reverseEntry(knex, deposit.journal_entry_id, {
    date: input.date,
    memo: `Void of deposit ${deposit.number}${input.reason ? `: ${input.reason}` : ""}`,
    actor_id: actor.actor_id,
    origin: actor.origin,
    source_type: "customer_deposit",
    source_id: id,
    source_kind: "voided",
  })
  await knex("accounting_customer_deposit").where({ id }).update({
    status: "voided",
    void_date: input.date,
    void_reason: input.reason ?? null,
    void_journal_entry_id: reversal.id,
    voided_by: actor.actor_id ?? null,
    voided_at: knex.fn.now(),
    updated_at: knex.fn.now(),
  })
  await recordAudit(knex, {
    entity_type: "customer_deposit",
    entity_id: id,
    action: "void",
    from_status: deposit.status,
    to_status: "voided",
    data: { date: input.date, reason: input.reason ?? null, journal_entry_id: reversal.id },
    ...actor,
  })
}
