import { AccountingError } from "../errors"
import { currencyPrecision, Decimal, MoneyLike, roundMoney, toDecimal } from "./money"

/**
 * What the ledger needs to know about a Medusa order, read at one moment.
 * Amounts are as Medusa computes them (raw values preferred).
 */
export type OrderSnapshot = {
  id: string
  display_id?: number | string | null
  status: string
  version: number
  currency_code: string
  customer_id: string
  region_id?: string | null
  sales_channel_id?: string | null
  customer_group_ids: string[]
  order_date: string
  /** Date of the latest confirmed change (edit, return, claim, credit line), or the cancel date. */
  change_date: string
  totals: {
    item_subtotal: MoneyLike
    shipping_subtotal: MoneyLike
    discount_subtotal: MoneyLike
    tax_total: MoneyLike
    total: MoneyLike
    /** Subtotal of the items that are gift cards (products with is_giftcard): sold, not earned. */
    gift_card_subtotal?: MoneyLike
  }
  credit_lines: { reference?: string | null; amount: MoneyLike }[]
  /** Returns received, oldest first (for credit memos on return). */
  returns_received?: { return_id: string; date: string }[]
  payments: {
    id: string
    provider_id: string
    captures: { id: string; amount: MoneyLike; date: string }[]
    refunds: { id: string; amount: MoneyLike; date: string; customer_refund_id?: string | null }[]
  }[]
}

export const COMPONENTS = [
  "sales",
  "gift_cards_sold",
  "shipping",
  "discounts",
  "tax",
  "deposits",
  "gift_cards_redeemed",
  "allowances",
  "rounding",
  "receivable",
] as const
export type Component = (typeof COMPONENTS)[number]
export type Components = Record<Component, Decimal>

const GIFT_CARD_REFERENCE = "gift-card"

/** Store credit spent at checkout, or a negative credit line the loyalty plugin turns into store credit. */
export function isDepositLine(line: { reference?: string | null; amount: MoneyLike }): boolean {
  return line.reference === "store-credit" || toDecimal(line.amount).lt(0)
}

const isGiftCardLine = (line: { reference?: string | null }) => line.reference === GIFT_CARD_REFERENCE

/** Credit lines that spend a liability (store credit, gift card), not allowances. */
export const isLiabilityLine = (line: { reference?: string | null; amount: MoneyLike }) =>
  isDepositLine(line) || isGiftCardLine(line)

export function zeroComponents(): Components {
  return Object.fromEntries(COMPONENTS.map((c) => [c, new Decimal(0)])) as Components
}

/** Rounded components whose rounding may add up in the rounding line. */
const ROUNDED_COMPONENTS = 8

/**
 * The rounding line absorbs only rounding: at most half a minor unit per
 * rounded component. Anything larger is a real mismatch between Medusa's
 * total and its parts (ROUNDING_EXCEEDS_TOLERANCE, a posting error), never income.
 */
export function assertRoundingWithinTolerance(rounding: Decimal, currencyCode: string): void {
  const tolerance = new Decimal(10).pow(-currencyPrecision(currencyCode)).times(ROUNDED_COMPONENTS).div(2)
  if (rounding.abs().gt(tolerance)) {
    throw new AccountingError(
      "ROUNDING_EXCEEDS_TOLERANCE",
      `The order's total differs from its parts by ${rounding.toString()} ${currencyCode.toUpperCase()}, more than rounding can explain (${tolerance.toString()})`
    )
  }
}

/**
 * What the order should have recognised so far, per component, rounded once
 * at the currency's precision:
 * - gift cards sold are a liability until redeemed, not sales; a gift card
 *   redeemed at checkout spends that liability;
 * - store credit used at checkout, and negative credit lines (which the
 *   loyalty plugin turns into store credit), move Customer Deposits;
 * - other credit lines (refunds beyond what was owed, goodwill) are
 *   allowances, less what our own card refunds drew on credits Medusa does
 *   not know (`allowanceOffset`, capped by those credit lines: those credits
 *   were recognised by our documents already);
 * - a canceled order keeps only the store credit and gift cards it consumed;
 * - whatever Medusa's total differs from the rounded parts is rounding,
 *   within the tolerance of the roundings made.
 */
export function targetComponents(order: OrderSnapshot, allowanceOffset: MoneyLike = 0): Components {
  const currency = order.currency_code
  const round = (v: MoneyLike) => roundMoney(v, currency)
  let deposits = new Decimal(0)
  let giftCards = new Decimal(0)
  let allowances = new Decimal(0)
  for (const line of order.credit_lines) {
    const amount = toDecimal(line.amount)
    if (isDepositLine(line)) {
      deposits = deposits.plus(amount)
    } else if (isGiftCardLine(line)) {
      giftCards = giftCards.plus(amount)
    } else {
      allowances = allowances.plus(amount)
    }
  }
  const c = zeroComponents()
  c.deposits = round(deposits)
  c.gift_cards_redeemed = round(giftCards)
  if (order.status === "canceled") {
    c.receivable = c.deposits.plus(c.gift_cards_redeemed).negated()
    return c
  }
  const offset = Decimal.min(toDecimal(allowanceOffset), Decimal.max(allowances, 0))
  c.gift_cards_sold = round(order.totals.gift_card_subtotal ?? 0)
  c.sales = round(order.totals.item_subtotal).minus(c.gift_cards_sold)
  c.shipping = round(order.totals.shipping_subtotal)
  c.discounts = round(order.totals.discount_subtotal)
  c.tax = round(order.totals.tax_total)
  c.allowances = round(allowances.minus(offset))
  // Medusa's total already nets every credit line; add back what our documents own.
  c.receivable = round(toDecimal(order.totals.total).plus(offset))
  const parts = c.sales
    .plus(c.gift_cards_sold)
    .plus(c.shipping)
    .minus(c.discounts)
    .plus(c.tax)
    .minus(c.deposits)
    .minus(c.gift_cards_redeemed)
    .minus(c.allowances)
  c.rounding = c.receivable.minus(parts)
  assertRoundingWithinTolerance(c.rounding, currency)
  return c
}

export function sumComponents(list: Partial<Record<Component, MoneyLike>>[]): Components {
  const total = zeroComponents()
  for (const item of list) {
    for (const key of COMPONENTS) {
      total[key] = total[key].plus(toDecimal(item[key] ?? 0))
    }
  }
  return total
}

export function subtractComponents(a: Components, b: Components): Components {
  return Object.fromEntries(COMPONENTS.map((k) => [k, a[k].minus(b[k])])) as Components
}

export function isZero(c: Components): boolean {
  return COMPONENTS.every((k) => c[k].isZero())
}

export function serializeComponents(c: Components): Record<Component, string> {
  return Object.fromEntries(COMPONENTS.map((k) => [k, c[k].toString()])) as Record<Component, string>
}

export type RecognitionAccounts = {
  ar: string
  sales: string
  sales_returns: string
  shipping: string
  discounts: string
  tax: string
  customer_deposits: string
  gift_card_liability: string
  rounding: string
}

/**
 * Journal lines of a recognition delta as signed debits (positive = debit).
 * Sales that go down are Sales Returns & Allowances, except when the order is
 * canceled: then the sale itself is reversed.
 */
export function recognitionLines(
  delta: Components,
  accounts: RecognitionAccounts,
  { canceled }: { canceled: boolean }
): { account_id: string; amount: Decimal; description: string }[] {
  const salesAccount = delta.sales.lt(0) && !canceled ? accounts.sales_returns : accounts.sales
  return [
    { account_id: accounts.ar, amount: delta.receivable, description: "Receivable" },
    { account_id: salesAccount, amount: delta.sales.negated(), description: "Sales" },
    { account_id: accounts.shipping, amount: delta.shipping.negated(), description: "Shipping" },
    { account_id: accounts.discounts, amount: delta.discounts, description: "Discounts" },
    { account_id: accounts.tax, amount: delta.tax.negated(), description: "Tax" },
    { account_id: accounts.gift_card_liability, amount: delta.gift_cards_sold.negated(), description: "Gift cards sold" },
    { account_id: accounts.customer_deposits, amount: delta.deposits, description: "Store credit" },
    { account_id: accounts.gift_card_liability, amount: delta.gift_cards_redeemed, description: "Gift cards redeemed" },
    { account_id: accounts.sales_returns, amount: delta.allowances, description: "Allowances" },
    { account_id: accounts.rounding, amount: delta.rounding.negated(), description: "Rounding" },
  ].filter((l) => !l.amount.isZero())
}
