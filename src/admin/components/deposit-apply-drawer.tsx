import { useEffect, useState } from "react"
import type { CustomerDeposit } from "../../sdk/accounting-client"
import { useAccountingMutation, useOpenOrders } from "../hooks/accounting"
import { newIdempotencyKey } from "../lib/format"
import { formatMoney, parseAmount, toDecimal, toInputAmount } from "../lib/money"
import { accounting } from "../lib/sdk"
import { ActionDrawer } from "./action-drawer"
import { TextField } from "./form-field"
import { OpenOrderPicker } from "./open-order-picker"

/**
 * Applies a deposit to one of the customer's open orders in its currency
 * (Dr Customer Advances / Cr AR): the order owes that much less. The amount
 * starts at the smaller of what remains and what the order owes.
 */
export const DepositApplyDrawer = ({
  deposit,
  onClose,
  onApplied,
}: {
  deposit: CustomerDeposit | null
  onClose: () => void
  onApplied: (deposit: CustomerDeposit) => void
}) => {
  const orders = useOpenOrders(deposit?.customer_id, deposit?.currency_code)
  const [orderId, setOrderId] = useState("")
  const [amount, setAmount] = useState("")
  const [attempted, setAttempted] = useState(false)
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey())
  const apply = useAccountingMutation(
    (date: string) =>
      accounting.deposits.apply(deposit!.id, { order_id: orderId, amount: amount.trim(), date }, idempotencyKey),
    {
      codeFields: {
        APPLICATION_EXCEEDS_OPEN: "amount",
        APPLICATION_EXCEEDS_DEPOSIT: "amount",
        PRECISION_EXCEEDED: "amount",
        DEPOSIT_CURRENCY_MISMATCH: "order_id",
        CUSTOMER_MISMATCH: "order_id",
        DATE_BEFORE_ORIGINAL: "date",
        PERIOD_CLOSED: "date",
        DATE_IN_FUTURE: "date",
      },
    }
  )
  useEffect(() => {
    setOrderId("")
    setAmount("")
    setAttempted(false)
    setIdempotencyKey(newIdempotencyKey())
    apply.reset()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deposit?.id])
  const pick = (id: string) => {
    setOrderId(id)
    const open = orders.data?.open_orders.find((o) => o.order_id === id)?.open_amount
    if (deposit && open != null) {
      const remaining = toDecimal(deposit.remaining_amount)
      const most = toDecimal(open).lt(remaining) ? open : remaining.toString()
      setAmount(toInputAmount(most, deposit.currency_code))
    }
  }
  const parsed = parseAmount(amount, deposit?.currency_code ?? "usd")
  const local: Record<string, string> = {}
  if (attempted && !orderId) {
    local.order_id = "Choose the order"
  }
  if (attempted && parsed.error) {
    local.amount = parsed.error
  }
  const fields = { ...local, ...(apply.failure?.fields ?? {}) }
  return (
    <ActionDrawer
      open={!!deposit}
      onOpenChange={(open) => !open && onClose()}
      title={`Apply deposit ${deposit?.number ?? ""}`}
      description={`${deposit ? formatMoney(deposit.remaining_amount, deposit.currency_code) : ""} remains. The order owes what you apply less, on the date you choose.`}
      confirmLabel="Apply deposit"
      danger={false}
      askDate
      isPending={apply.isPending}
      failure={apply.failure}
      onConfirm={({ date }) => {
        setAttempted(true)
        if (!orderId || parsed.error) {
          return
        }
        apply.mutate(date, {
          onSuccess: (r) => {
            onClose()
            onApplied(r.deposit)
          },
        })
      }}
    >
      <OpenOrderPicker
        orders={orders.data?.open_orders ?? []}
        value={orderId}
        onChange={pick}
        error={fields.order_id}
        loading={orders.isLoading}
      />
      <TextField label="Amount" value={amount} onChange={setAmount} error={fields.amount} data-testid="apply-amount" />
    </ActionDrawer>
  )
}
