import { AccountingError } from "../errors"
import { MoneyLike, toDecimal } from "./money"

/**
 * An application cannot exceed what is open on either side: the credit
 * (less what refunds being posted reserve) and the document it settles.
 * APPLICATION_EXCEEDS_OPEN names both figures.
 */
export function assertApplicationWithinOpen(input: {
  amount: MoneyLike
  credit_available: MoneyLike
  debit_open: MoneyLike
  credit_name?: string
  debit_name?: string
}): void {
  const amount = toDecimal(input.amount)
  const credit = toDecimal(input.credit_available)
  const debit = toDecimal(input.debit_open)
  if (!amount.gt(0) || amount.gt(credit) || amount.gt(debit)) {
    throw new AccountingError(
      "APPLICATION_EXCEEDS_OPEN",
      `Cannot apply ${amount.toString()}: ${input.credit_name ?? "the credit"} has ${credit.toString()} available and ${input.debit_name ?? "the document"} ${debit.toString()} open`
    )
  }
}
