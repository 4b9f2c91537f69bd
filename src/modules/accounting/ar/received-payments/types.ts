import type { PAYMENT_REVERSAL_KINDS } from "../../models/received-payment"
import type { MoneyLike } from "../../rules/money"

export type ReceivedPaymentInput = {
  customer_id: string
  currency_code: string
  payment_date: string
  /** A method mapped to an account in settings (check, eft, cash, a store's own). */
  method: string
  /** Overrides the method's account (a payment account, never AR). */
  payment_account_id?: string | null
  reference?: string | null
  memo?: string | null
  amount: MoneyLike
  /** A Medusa payment this one is (manual provider, "mark as paid"): its capture is not posted again. */
  medusa_payment_id?: string | null
  /** Omitted: oldest due first across the open orders. `[]` keeps it all unapplied. */
  allocations?: { order_id: string; amount: MoneyLike }[] | null
  metadata?: Record<string, unknown> | null
}

/** What the module cannot read itself: the claimed Medusa payment. */
export type ReceivedPaymentContext = {
  medusa_payment?: {
    id: string
    order_id: string | null
    currency_code: string
    capture_ids: string[]
  } | null
}

export type PaymentReversalInput = {
  date: string
  kind: (typeof PAYMENT_REVERSAL_KINDS)[number]
  reason: string
}
