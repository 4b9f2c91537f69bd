import { Text } from "@medusajs/ui"
import BigNumber from "bignumber.js"
import { formatMoney, toDecimal, type MoneyValue } from "../lib/money"

/** Aging buckets as horizontal bars; credits (negative) in a calm colour, not as errors. */
export const AgingBars = ({
  buckets,
  currency,
}: {
  buckets: { label: string; amount: MoneyValue }[]
  currency: string
}) => {
  const max = BigNumber.max(1, ...buckets.map((b) => toDecimal(b.amount).abs()))
  return (
    <div className="flex flex-col gap-y-2" data-testid="aging-bars">
      {buckets.map((b) => {
        const amount = toDecimal(b.amount)
        // A bar's length is a picture, not money: a rounded percentage is fine.
        const width = amount.abs().div(max).times(100).decimalPlaces(0).toNumber()
        return (
          <div key={b.label} className="grid grid-cols-[84px_1fr_120px] items-center gap-x-3">
            <Text size="xsmall" className="text-ui-fg-subtle">
              {b.label}
            </Text>
            <div className="bg-ui-bg-subtle h-3 w-full overflow-hidden rounded" aria-hidden>
              <div
                className={amount.lt(0) ? "bg-ui-tag-green-icon h-3" : "bg-ui-tag-blue-icon h-3"}
                style={{ width: `${width}%` }}
              />
            </div>
            <Text size="xsmall" className="text-right tabular-nums">
              {formatMoney(b.amount, currency)}
            </Text>
          </div>
        )
      })}
    </div>
  )
}
