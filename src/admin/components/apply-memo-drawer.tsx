import { Button, Drawer, Input, Label, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import type { CreditMemo } from "../../sdk/accounting-client"
import { accounting } from "../lib/sdk"
import { formatMoney, todayIso } from "../lib/format"
import { useAccountingMutation } from "../hooks/accounting"
import { DateField } from "./date-field"

/** Applies part of a memo to an open order of the same customer (no money moves). */
export const ApplyMemoDrawer = ({ memo, onClose }: { memo: CreditMemo | null; onClose: () => void }) => {
  const [order, setOrder] = useState("")
  const [amount, setAmount] = useState("")
  const [date, setDate] = useState(todayIso())
  useEffect(() => {
    if (memo) {
      setOrder(memo.order_id ?? "")
      setAmount(String(memo.remaining_amount ?? ""))
      setDate(todayIso())
    }
  }, [memo?.id])
  const apply = useAccountingMutation(
    () => accounting.creditMemos.apply(memo!.id, { order_id: order, amount, date }),
    (r) =>
      `Applied; ${formatMoney(r.credit_memo.remaining_amount, r.credit_memo.currency_code)} remains on ${r.credit_memo.number}`
  )
  return (
    <Drawer open={!!memo} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>Apply {memo?.number} to an order</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          <Text size="small" className="text-ui-fg-subtle">
            {formatMoney(memo?.remaining_amount, memo?.currency_code)} remaining. The order must belong to the
            same customer and currency.
          </Text>
          <div>
            <Label size="small">Order id</Label>
            <Input value={order} onChange={(e) => setOrder(e.target.value)} placeholder="order_…" />
          </div>
          <div className="grid grid-cols-2 gap-4">
            <div>
              <Label size="small">Amount</Label>
              <Input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
            </div>
            <DateField label="Date" value={date} onChange={setDate} />
          </div>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              Cancel
            </Button>
          </Drawer.Close>
          <Button
            size="small"
            isLoading={apply.isPending}
            disabled={!order || !(Number(amount) > 0)}
            onClick={() => apply.mutate(undefined, { onSuccess: onClose })}
          >
            Apply
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
