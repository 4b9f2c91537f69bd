/** Posting roles every store maps to one of its accounts (ACCOUNTING.md §2). */
export const ACCOUNT_ROLES = [
  "ar",
  "sales",
  "sales_returns",
  "discounts",
  "tax",
  "shipping",
  "undeposited_funds",
  "card_clearing",
  "bank",
  "customer_deposits",
  "gift_card_liability",
  "inventory",
  "cogs",
  "rounding",
  "bad_debt",
  // What payment providers keep of a payout (Dr on each payout).
  "processing_fees",
  // Deposits and advances taken before an order (DEP-), apart from store credit (customer_deposits).
  "customer_advances",
] as const
export type AccountRole = (typeof ACCOUNT_ROLES)[number]

export type AccountMap = {
  role: Partial<Record<AccountRole, string>>
  method: Record<string, string>
  provider: Record<string, string>
}

/**
 * The account a Medusa payment provider settles into: its own mapping if it
 * has one, else card clearing (manual/system payments map to undeposited
 * funds in the default settings).
 */
export function providerAccount(map: AccountMap, providerId: string | null | undefined): string | undefined {
  return (providerId && map.provider[providerId]) || map.role.card_clearing
}
