import { Text } from "@medusajs/ui"
import { formatMoney } from "../lib/format"

/** Aging buckets as horizontal bars (credits, which are negative, in red). */
export const AgingBars = ({
  buckets,
  currency,
}: {
  buckets: { label: string; amount: number }[]
  currency: string
}) => {
  const max = Math.max(1, ...buckets.map((b) => Math.abs(b.amount)))
  return (
    <div className="flex flex-col gap-y-2" data-testid="aging-bars">
      {buckets.map((b) => (
        <div key={b.label} className="grid grid-cols-[72px_1fr_110px] items-center gap-x-3">
          <Text size="xsmall" className="text-ui-fg-subtle">
            {b.label}
          </Text>
          <div className="bg-ui-bg-subtle h-3 w-full overflow-hidden rounded">
            <div
              className={b.amount < 0 ? "bg-ui-tag-red-icon h-3" : "bg-ui-tag-blue-icon h-3"}
              style={{ width: `${Math.round((Math.abs(b.amount) / max) * 100)}%` }}
            />
          </div>
          <Text size="xsmall" className="text-right tabular-nums">
            {formatMoney(b.amount, currency)}
          </Text>
        </div>
      ))}
    </div>
  )
}
