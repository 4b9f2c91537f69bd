import { AccountingError } from "../errors"
import { Decimal, MoneyLike, toDecimal } from "./money"

/**
 * What of a credit can still be drawn on: its open amount less what refunds
 * being posted (status posting or money_moved) have reserved. Never below zero.
 */
export function availableCredit(open: MoneyLike, reserved: MoneyLike = 0): Decimal {
  return Decimal.max(toDecimal(open).minus(toDecimal(reserved)), 0)
}

/**
 * A refund never exceeds the credit available: REFUND_EXCEEDS_CREDIT names
 * the credit and what is left of it. Drafts, posting, the CSV import and the
 * available-credits list all go through this rule.
 */
export function assertRefundWithinCredit(input: {
  amount: MoneyLike
  open: MoneyLike
  reserved?: MoneyLike
  name: string
}): void {
  const amount = toDecimal(input.amount)
  const available = availableCredit(input.open, input.reserved)
  if (amount.gt(available)) {
    throw new AccountingError(
      "REFUND_EXCEEDS_CREDIT",
      `${amount.toString()} is more than the ${available.toString()} still available on ${input.name}`
    )
  }
}
