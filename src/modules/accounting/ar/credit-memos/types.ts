import { MoneyLike } from "../../rules/money"

export type CreditMemoLineInput = {
  kind: "item" | "shipping" | "adjustment"
  description: string
  amount: MoneyLike
  tax_amount?: MoneyLike
  line_item_id?: string | null
}

export type CreditMemoInput = {
  customer_id: string
  order_id?: string | null
  return_id?: string | null
  currency_code: string
  memo_date: string
  reason: string
  /** One of settings → reason_codes.credit_memo (required there or not). */
  reason_code?: string | null
  /** Not a tax document (an invoicing plugin issues the legal credit note). */
  internal?: boolean
  /** The number of the legal credit note that plugin issued. */
  legal_number?: string | null
  metadata?: Record<string, unknown> | null
  lines: CreditMemoLineInput[]
}

export type CreditMemoUpdate = Partial<Omit<CreditMemoInput, "customer_id" | "currency_code">>
