import { Text, clx } from "@medusajs/ui"
import { formatMoney } from "../lib/format"

export const Money = ({
  amount,
  currency,
  className,
}: {
  amount: number | string | null | undefined
  currency?: string | null
  className?: string
}) => (
  <Text size="small" className={clx("tabular-nums", Number(amount) < 0 && "text-ui-fg-error", className)}>
    {formatMoney(amount, currency)}
  </Text>
)
