import { AccountingError } from "../errors"
import { Decimal, MoneyLike, sumMoney, toDecimal } from "./money"

export type OpenOrder = { order_id: string; due_date: string; date: string; open_amount: MoneyLike }
export type Allocation = { order_id: string; amount: Decimal }

/**
 * Where a received payment goes by default: the customer's open orders,
 * oldest due date first (then oldest date, then id), each up to what it
 * owes. What is left over stays unapplied as a credit.
 */
export function allocateOldestDueFirst(amount: MoneyLike, orders: OpenOrder[]): Allocation[] {
  let rest = toDecimal(amount)
  const sorted = [...orders].sort(
    (a, b) =>
      a.due_date.localeCompare(b.due_date) || a.date.localeCompare(b.date) || a.order_id.localeCompare(b.order_id)
  )
  const out: Allocation[] = []
  for (const order of sorted) {
    if (!rest.gt(0)) {
      break
    }
    const part = Decimal.min(rest, toDecimal(order.open_amount))
    if (part.gt(0)) {
      out.push({ order_id: order.order_id, amount: part })
      rest = rest.minus(part)
    }
  }
  return out
}

/**
 * Allocations given by hand: each positive, one per order, together no more
 * than the payment (ALLOCATION_EXCEEDS_PAYMENT). Each order's own limit is
 * checked when it is applied (APPLICATION_EXCEEDS_OPEN).
 */
export function assertAllocationsWithinPayment(amount: MoneyLike, allocations: Allocation[]): void {
  const seen = new Set<string>()
  for (const a of allocations) {
    if (seen.has(a.order_id)) {
      throw new AccountingError("ALLOCATION_EXCEEDS_PAYMENT", `Order ${a.order_id} is allocated twice`)
    }
    seen.add(a.order_id)
  }
  const total = sumMoney(allocations.map((a) => a.amount))
  if (total.gt(toDecimal(amount))) {
    throw new AccountingError(
      "ALLOCATION_EXCEEDS_PAYMENT",
      `The allocations add up to ${total.toString()}, more than the payment of ${toDecimal(amount).toString()}`
    )
  }
}
