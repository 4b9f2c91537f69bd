import { AccountingError } from "../errors"

type AccountLike = { id: string; code: string; name: string; type: string; is_payment_account?: boolean }

const PAYMENT_TYPES = new Set(["asset", "liability"])

/**
 * Money is paid out of an asset or liability account flagged as a payment
 * account, never out of the AR control account: a refund "paid" from AR or
 * revenue would consume credits in the subledger without any money moving
 * (NOT_A_PAYMENT_ACCOUNT).
 */
export function assertPaymentAccount(
  account: AccountLike,
  { arAccountId, flagged = true }: { arAccountId?: string; flagged?: boolean } = {}
): void {
  const name = `${account.code} ${account.name}`
  if (account.id === arAccountId) {
    throw new AccountingError(
      "NOT_A_PAYMENT_ACCOUNT",
      `${name} is the AR control account; money is paid out of a bank, clearing or deposits account`
    )
  }
  if (!PAYMENT_TYPES.has(account.type)) {
    throw new AccountingError(
      "NOT_A_PAYMENT_ACCOUNT",
      `${name} is an ${account.type} account; money is paid out of an asset or liability account`
    )
  }
  if (flagged && !account.is_payment_account) {
    throw new AccountingError(
      "NOT_A_PAYMENT_ACCOUNT",
      `${name} is not flagged as a payment account (Accounting → Settings → accounts)`
    )
  }
}
