import { Text, clx } from "@medusajs/ui"
import { formatMoney, type MoneyValue } from "../lib/money"

/**
 * An amount in its currency. Credits (negative amounts) are not painted in
 * Medusa's error red: a credit is not a fault.
 */
export const Money = ({
  amount,
  currency,
  className,
  "data-testid": testId,
}: {
  amount: MoneyValue | null | undefined
  currency?: string | null
  className?: string
  "data-testid"?: string
}) => (
  <Text as="span" size="small" className={clx("tabular-nums", className)} data-testid={testId}>
    {formatMoney(amount, currency)}
  </Text>
)
