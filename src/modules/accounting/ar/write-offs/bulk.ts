import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { AccountingError } from "../../errors"
import { Actor } from "../../ledger/audit"
import { approvalRequired } from "../../rules/approval"
import { loadApprovalThresholds } from "../approvals"
import { checkReasonCode } from "../../ledger/reason-codes"
import { assertAtPrecision } from "../../rules/money"
import { createWriteOff } from "./create"
import type { BulkWriteOffInput } from "./types"

/** At most this many orders per bulk run (one transaction). */
export const BULK_WRITE_OFF_LIMIT = 500

/** Orders of a currency whose whole open balance is above 0 and at most `threshold`. */
export async function smallBalanceOrders(knex: Knex, input: BulkWriteOffInput): Promise<string[]> {
  const threshold = assertAtPrecision(input.threshold, input.currency_code.toLowerCase(), "threshold")
  const { rows } = await knex.raw(
    `select d.order_id
       from accounting_ar_document d
      where d.sign = 1 and d.order_id is not null and d.void_date is null and d.deleted_at is null
        and d.currency_code = :currency and d.document_date <= :date
        ${input.customer_id ? "and d.customer_id = :customer" : ""}
      group by d.order_id
     having sum(d.open_amount) > 0 and sum(d.open_amount) <= :threshold
      order by d.order_id
      limit ${BULK_WRITE_OFF_LIMIT}`,
    {
      currency: input.currency_code.toLowerCase(),
      date: input.date,
      threshold: threshold.toString(),
      ...(input.customer_id && { customer: input.customer_id }),
    }
  )
  return rows.map((r: any) => r.order_id)
}

/**
 * Small-balance write-off: every order of the currency owing more than 0 and
 * at most the threshold is written off in full, each its own WO- document
 * sharing one `batch_id`, all or none.
 */
export async function bulkWriteOff(knex: Knex, input: BulkWriteOffInput, actor: Actor) {
  const threshold = assertAtPrecision(input.threshold, input.currency_code.toLowerCase(), "threshold")
  if (!threshold.gt(0)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "threshold must be greater than 0")
  }
  // A batch posts whole: it may not hold a write-off that needs a second user's approval.
  const currency = input.currency_code.toLowerCase()
  const thresholds = await loadApprovalThresholds(knex)
  if (approvalRequired(thresholds, "write_off", currency, threshold)) {
    throw new AccountingError(
      "APPROVAL_REQUIRED",
      `Write-offs above ${thresholds.write_off?.[currency]} ${currency.toUpperCase()} need a second user's approval; lower the threshold to that or write those orders off one by one`
    )
  }
  // Refused even when no order matches: the request itself is wrong.
  await checkReasonCode(knex, "write_off", input.reason_code)
  const orders = await smallBalanceOrders(knex, input)
  const batch_id = generateEntityId(undefined, "wobatch")
  const ids: string[] = []
  for (const order_id of orders) {
    ids.push(
      await createWriteOff(
        knex,
        { order_id, date: input.date, reason_code: input.reason_code, memo: input.memo, batch_id },
        actor
      )
    )
  }
  return { batch_id, ids }
}
