import { AccountingError } from "../errors"
import { assertAtPrecision, Decimal, MoneyLike, toDecimal } from "./money"

export type BalanceLine = { debit?: MoneyLike; credit?: MoneyLike }

/**
 * An entry balances when every line carries exactly one positive side at the
 * currency's precision and the debits equal the credits exactly.
 */
export function assertBalanced(lines: BalanceLine[], currencyCode: string): Decimal {
  if (lines.length < 2) {
    throw new AccountingError("UNBALANCED_ENTRY", "An entry needs at least two lines")
  }
  let debits = new Decimal(0)
  let credits = new Decimal(0)
  lines.forEach((line, i) => {
    const debit = assertAtPrecision(line.debit ?? 0, currencyCode, `lines[${i}].debit`)
    const credit = assertAtPrecision(line.credit ?? 0, currencyCode, `lines[${i}].credit`)
    if (debit.lt(0) || credit.lt(0)) {
      throw new AccountingError("UNBALANCED_ENTRY", `lines[${i}] has a negative amount`)
    }
    if (debit.isZero() === credit.isZero()) {
      throw new AccountingError("UNBALANCED_ENTRY", `lines[${i}] must have either a debit or a credit`)
    }
    debits = debits.plus(debit)
    credits = credits.plus(credit)
  })
  if (!debits.isEqualTo(credits)) {
    throw new AccountingError(
      "UNBALANCED_ENTRY",
      `Debits ${debits.toString()} and credits ${credits.toString()} differ by ${debits
        .minus(credits)
        .abs()
        .toString()} ${currencyCode.toUpperCase()}`
    )
  }
  return debits
}

/** Lines from signed amounts: positive debits, negative credits; zero dropped. */
export function signedToLines<T extends { amount: MoneyLike }>(
  items: T[]
): (Omit<T, "amount"> & { debit: Decimal; credit: Decimal })[] {
  return items
    .map(({ amount, ...rest }) => {
      const a = toDecimal(amount)
      return {
        ...(rest as Omit<T, "amount">),
        debit: a.gt(0) ? a : new Decimal(0),
        credit: a.lt(0) ? a.negated() : new Decimal(0),
      }
    })
    .filter((l) => !l.debit.isZero() || !l.credit.isZero())
}
