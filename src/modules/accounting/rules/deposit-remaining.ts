import { AccountingError } from "../errors"
import type { CUSTOMER_DEPOSIT_STATUSES } from "../models/customer-deposit"
import { Decimal, MoneyLike, toDecimal } from "./money"

type DepositTotals = { amount: MoneyLike; applied_amount: MoneyLike; refunded_amount: MoneyLike }
export type DepositStatus = (typeof CUSTOMER_DEPOSIT_STATUSES)[number]

/** What of a deposit is still held for the customer: amount - applied - refunded. */
export function depositRemaining(d: DepositTotals): Decimal {
  return toDecimal(d.amount).minus(toDecimal(d.applied_amount)).minus(toDecimal(d.refunded_amount))
}

/**
 * `posted` while something remains; when nothing does, `refunded` if any of
 * it was paid back, else `applied` (the database CHECK says the same).
 */
export function depositStatus(d: DepositTotals): Exclude<DepositStatus, "voided"> {
  if (depositRemaining(d).gt(0)) {
    return "posted"
  }
  return toDecimal(d.refunded_amount).gt(0) ? "refunded" : "applied"
}

/**
 * An application or a refund takes at most what remains of the deposit
 * (APPLICATION_EXCEEDS_DEPOSIT / REFUND_EXCEEDS_DEPOSIT), and more than 0.
 */
export function assertWithinDeposit(input: {
  amount: MoneyLike
  deposit: DepositTotals
  deposit_name: string
  use: "application" | "refund"
}): void {
  const amount = toDecimal(input.amount)
  const remaining = depositRemaining(input.deposit)
  if (!amount.gt(0) || amount.gt(remaining)) {
    throw new AccountingError(
      input.use === "application" ? "APPLICATION_EXCEEDS_DEPOSIT" : "REFUND_EXCEEDS_DEPOSIT",
      `Cannot ${input.use === "application" ? "apply" : "refund"} ${amount.toString()}: ${input.deposit_name} has ${remaining.toString()} remaining`
    )
  }
}

/** Methods a deposit cannot be taken or paid back by here (card refunds go through Medusa payments). */
const UNSUPPORTED: Record<"record" | "refund", string[]> = {
  record: ["store_credit"],
  refund: ["card", "store_credit"],
}

/** DEPOSIT_METHOD_NOT_SUPPORTED for store credit, and for card on a refund. */
export function assertDepositMethod(method: string, use: "record" | "refund"): void {
  if (UNSUPPORTED[use].includes(method)) {
    throw new AccountingError(
      "DEPOSIT_METHOD_NOT_SUPPORTED",
      use === "refund"
        ? `A deposit is paid back by check, bank transfer or cash here, not by ${method}`
        : `A deposit is money received; ${method} is not`
    )
  }
}
