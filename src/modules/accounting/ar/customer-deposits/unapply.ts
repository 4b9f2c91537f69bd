import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import { AccountingError } from "../../errors"
import { Actor, recordAudit } from "../../ledger/audit"
import { assertDateAllowed } from "../../ledger/clock"
import { assertPeriodOpen } from "../../ledger/periods"
import { reverseEntry } from "../../ledger/posting"
import { depositStatus } from "../../rules/deposit-remaining"
import { moneyColumns, readMoney } from "../../rules/money"
import { unapplyAll } from "../applications"
import { voidArDocument } from "../documents"
import { lockDeposit } from "./lock"
import type { DepositUnapplyInput } from "./types"

/**
 * Takes an application back on `date` (on or after it): the order owes the
 * amount again, the deposit holds it again, and the application's entry is
 * mirrored (Dr AR / Cr Customer Advances). The application row is stamped,
 * never deleted.
 */
export async function unapplyCustomerDeposit(
  knex: Knex,
  depositId: string,
  applicationId: string,
  input: DepositUnapplyInput,
  actor: Actor
): Promise<void> {
  const deposit = await lockDeposit(knex, depositId)
  const app = await knex("accounting_customer_deposit_application")
    .where({ id: applicationId, deposit_id: depositId })
    .whereNull("deleted_at")
    .forUpdate()
    .first()
  if (!app) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Deposit ${deposit.number} has no application ${applicationId}`)
  }
  if (app.unapplied_date) {
    throw new AccountingError("ALREADY_REVERSED", `Application ${applicationId} was unapplied on ${app.unapplied_date}`)
  }
  if (input.date < app.application_date) {
    throw new AccountingError(
      "DATE_BEFORE_ORIGINAL",
      `The unapply date ${input.date} is before the application date ${app.application_date}`
    )
  }
  await assertDateAllowed(knex, input.date)
  await assertPeriodOpen(knex, input.date)
  const standing = await knex("accounting_ar_application")
    .where({ credit_document_id: app.ar_document_id })
    .whereNull("unapplied_date")
    .whereNull("deleted_at")
  await unapplyAll(knex, standing, input.date, actor)
  const { reversal } = await reverseEntry(knex, app.journal_entry_id, {
    date: input.date,
    memo: `Deposit ${deposit.number} unapplied from order ${app.order_id}`,
    actor_id: actor.actor_id,
    origin: actor.origin,
    source_type: "customer_deposit_application",
    source_id: app.id,
    source_kind: "unapplied",
  })
  await voidArDocument(knex, app.ar_document_id, input.date, reversal.id)
  await knex("accounting_customer_deposit_application").where({ id: app.id }).update({
    unapplied_date: input.date,
    unapply_journal_entry_id: reversal.id,
    unapplied_by: actor.actor_id ?? null,
    updated_at: knex.fn.now(),
  })
  const applied = deposit.applied_amount.minus(readMoney(app, "amount"))
  const status = depositStatus({ ...deposit, applied_amount: applied })
  await knex("accounting_customer_deposit")
    .where({ id: deposit.id })
    .update({ ...moneyColumns("applied_amount", applied), status, updated_at: knex.fn.now() })
  await recordAudit(knex, {
    entity_type: "customer_deposit",
    entity_id: deposit.id,
    action: "unapply",
    from_status: deposit.status,
    to_status: status,
    data: { application_id: app.id, date: input.date, journal_entry_id: reversal.id },
    ...actor,
  })
}
