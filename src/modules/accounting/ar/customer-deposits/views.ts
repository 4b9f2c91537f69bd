import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { readMoney } from "../../rules/money"
import { depositRemaining } from "../../rules/deposit-remaining"

/**
 * What stands against each deposit, for lists and details in two queries:
 * `remaining_amount`, its applications (standing and unapplied) and refunds.
 */
export async function depositActivity(knex: Knex, depositIds: string[]) {
  const [deposits, apps, refunds] = await Promise.all([
    knex("accounting_customer_deposit").whereIn("id", depositIds).whereNull("deleted_at"),
    knex("accounting_customer_deposit_application")
      .whereIn("deposit_id", depositIds)
      .whereNull("deleted_at")
      .orderBy("created_at")
      .orderBy("id"),
    knex("accounting_customer_deposit_refund")
      .whereIn("deposit_id", depositIds)
      .whereNull("deleted_at")
      .orderBy("created_at")
      .orderBy("id"),
  ])
  const money = (r: any) => readMoney(r, "amount").toString()
  return new Map(
    deposits.map((d: any) => [
      d.id,
      {
        remaining_amount:
          d.status === "voided"
            ? "0"
            : depositRemaining({
                amount: readMoney(d, "amount"),
                applied_amount: readMoney(d, "applied_amount"),
                refunded_amount: readMoney(d, "refunded_amount"),
              }).toString(),
        applications: apps
          .filter((a: any) => a.deposit_id === d.id)
          .map((a: any) => ({
            id: a.id,
            order_id: a.order_id,
            amount: money(a),
            application_date: a.application_date,
            unapplied_date: a.unapplied_date,
            journal_entry_id: a.journal_entry_id,
            unapply_journal_entry_id: a.unapply_journal_entry_id,
          })),
        refunds: refunds
          .filter((r: any) => r.deposit_id === d.id)
          .map((r: any) => ({
            id: r.id,
            amount: money(r),
            refund_date: r.refund_date,
            method: r.method,
            reference: r.reference,
            journal_entry_id: r.journal_entry_id,
          })),
      },
    ])
  )
}
