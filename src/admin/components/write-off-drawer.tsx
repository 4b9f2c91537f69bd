import { Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import type { WriteOff } from "../../sdk/accounting-client"
import { useAccountingMutation, useOpenOrders } from "../hooks/accounting"
import { newIdempotencyKey, todayIso } from "../lib/format"
import { parseAmount } from "../lib/money"
import { accounting } from "../lib/sdk"
import { CustomerPicker } from "./customer-picker"
import { DateField, TextField } from "./form-field"
import { OpenOrderPicker } from "./open-order-picker"
import { ReasonCodeField } from "./reason-code-field"
import { FormDrawer, generalError } from "./form-drawer"

/**
 * Writes off one order's balance, or part of it. Above the store's approval
 * threshold it becomes a draft awaiting a second user instead of posting.
 */
export const WriteOffDrawer = ({
  open,
  onOpenChange,
  onDone,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  onDone: (writeOff: WriteOff) => void
}) => {
  const [customerId, setCustomerId] = useState("")
  const [orderId, setOrderId] = useState("")
  const [amount, setAmount] = useState("")
  const [reason, setReason] = useState("uncollectible")
  const [date, setDate] = useState(todayIso())
  const [attempted, setAttempted] = useState(false)
  // One key per opening: a retried click records one write-off.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey())
  const orders = useOpenOrders(customerId || undefined)
  const chosen = orders.data?.open_orders.find((o) => o.order_id === orderId)
  const currency = chosen?.currency_code ?? "usd"
  const run = useAccountingMutation(
    () =>
      accounting.writeOffs.create(
        { order_id: orderId, amount: amount.trim() || undefined, reason_code: reason || null, date },
        idempotencyKey
      ),
    {
      codeFields: {
        PERIOD_CLOSED: "date",
        DATE_IN_FUTURE: "date",
        WRITE_OFF_EXCEEDS_BALANCE: "amount",
        UNKNOWN_REASON_CODE: "reason_code",
        REASON_CODE_REQUIRED: "reason_code",
      },
    }
  )
  useEffect(() => {
    if (open) {
      setCustomerId("")
      setOrderId("")
      setAmount("")
      setDate(todayIso())
      setAttempted(false)
      setIdempotencyKey(newIdempotencyKey())
      run.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])
  // Checked as the API checks it, before anything is sent; empty means all it owes.
  const amountError = attempted && amount.trim() ? parseAmount(amount, currency).error : undefined
  const fields = run.failure?.fields ?? {}
  const submit = () => {
    setAttempted(true)
    if (!orderId || (amount.trim() && parseAmount(amount, currency).error)) {
      return
    }
    run.mutate(undefined, {
      onSuccess: (r) => {
        onOpenChange(false)
        onDone(r.write_off)
      },
    })
  }
  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title="Write off an order"
      description="Books what the order will not pay to Bad Debt. Above the approval threshold it waits for a second person before anything is booked."
      error={generalError(run.failure)}
      submit={{
        label: "Write off",
        variant: "danger",
        isPending: run.isPending,
        "data-testid": "run-write-off",
        onClick: submit,
      }}
    >
      <CustomerPicker value={customerId} onChange={(id) => (setCustomerId(id), setOrderId(""))} />
      <OpenOrderPicker
        orders={orders.data?.open_orders ?? []}
        value={orderId}
        onChange={setOrderId}
        loading={!!customerId && orders.isLoading}
        error={attempted && !orderId ? "Choose the order to write off" : fields.order_id}
      />
      <TextField
        label="Amount"
        hint="Empty: all the order still owes"
        value={amount}
        onChange={setAmount}
        error={amountError ?? fields.amount}
        data-testid="write-off-amount"
      />
      <ReasonCodeField
        type="write_off"
        value={reason}
        onChange={setReason}
        error={fields.reason_code}
        data-testid="write-off-reason-code"
      />
      <DateField label="Date" value={date} onChange={setDate} error={fields.date} />
      <Text size="xsmall" className="text-ui-fg-subtle">
        A write-off can be voided later; the order then owes the amount again.
      </Text>
    </FormDrawer>
  )
}
