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
  metadata?: Record<string, unknown> | null
  lines: CreditMemoLineInput[]
}

export type CreditMemoUpdate = Partial<Omit<CreditMemoInput, "customer_id" | "currency_code">>
