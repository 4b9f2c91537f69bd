import { Select, Text } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import type { CreditMemo } from "../../sdk/accounting-client"
import { accounting } from "../lib/sdk"
import { formatDate, todayIso } from "../lib/format"
import { formatMoney, parseAmount, toDecimal, toInputAmount } from "../lib/money"
import { useAccountingMutation, useOpenOrders } from "../hooks/accounting"
import { DateField, Field, TextField } from "./form-field"
import { OpenOrderPicker } from "./open-order-picker"
import BigNumber from "bignumber.js"
import { FormDrawer, generalError } from "./form-drawer"

/**
 * Applies part of a memo to one of the customer's open orders (no money
 * moves): the order from a picker (number, date, open amount), an amount up
 * to what both the memo and the order have open, and the date. Opened from
 * an order, the order is set and the memo is picked from `memoChoices`.
 */
export const ApplyMemoDrawer = ({
  open: isOpen,
  memo: givenMemo,
  memoChoices,
  orderId: presetOrder,
  onClose,
  onApplied,
}: {
  open: boolean
  memo?: CreditMemo | null
  /** The customer's memos with credit left, when the memo is to be chosen. */
  memoChoices?: CreditMemo[]
  /** Opened from an order: that order is chosen. */
  orderId?: string
  onClose: () => void
  onApplied: (memo: CreditMemo) => void
}) => {
  const [chosenMemoId, setChosenMemoId] = useState("")
  const memo = givenMemo ?? memoChoices?.find((m) => m.id === chosenMemoId) ?? null
  const orders = useOpenOrders(memo?.customer_id, memo?.currency_code)
  const open = orders.data?.open_orders ?? []
  const [order, setOrder] = useState("")
  const [amount, setAmount] = useState("")
  const [date, setDate] = useState(todayIso())
  const [attempted, setAttempted] = useState(false)
  const chosen = open.find((o) => o.order_id === order)
  const remaining = toDecimal(memo?.remaining_amount)
  const currency = memo?.currency_code ?? "usd"

  useEffect(() => {
    if (isOpen) {
      setChosenMemoId(memoChoices?.length === 1 ? memoChoices[0].id : "")
      setDate(todayIso())
      setAttempted(false)
      apply.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isOpen])
  useEffect(() => {
    if (memo) {
      setOrder(presetOrder ?? memo.order_id ?? "")
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [memo?.id, isOpen])
  useEffect(() => {
    // The most that can go to the chosen order: what the memo and the order both have open.
    if (memo) {
      const cap = chosen ? BigNumber.min(remaining, toDecimal(chosen.open_amount)) : remaining
      setAmount(toInputAmount(cap.toString(), currency))
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [memo?.id, chosen?.order_id, chosen?.open_amount])

  const apply = useAccountingMutation(
    () => accounting.creditMemos.apply(memo!.id, { order_id: order, amount: amount.trim(), date }),
    {
      codeFields: {
        APPLICATION_EXCEEDS_OPEN: "amount",
        PRECISION_EXCEEDED: "amount",
        PERIOD_CLOSED: "date",
        DATE_BEFORE_ORIGINAL: "date",
        CUSTOMER_MISMATCH: "order_id",
        CURRENCY_MISMATCH: "order_id",
      },
    }
  )

  const clientErrors = useMemo(() => {
    const errors: Record<string, string> = {}
    if (!memo) {
      errors.credit_memo = "Choose the credit memo to apply"
      return errors
    }
    if (!order) {
      errors.order_id = "Choose the order to apply the credit to"
    }
    const parsed = parseAmount(amount, currency)
    if (!parsed.amount) {
      errors.amount = parsed.error
    } else if (parsed.amount.gt(remaining)) {
      errors.amount = `The memo has ${formatMoney(remaining.toString(), currency)} left`
    } else if (chosen && parsed.amount.gt(toDecimal(chosen.open_amount))) {
      errors.amount = `The order has ${formatMoney(chosen.open_amount, currency)} open`
    }
    if (!date) {
      errors.date = "Enter the date"
    }
    return errors
  }, [order, amount, date, chosen, remaining, currency])
  const errors = { ...(attempted ? clientErrors : {}), ...(apply.failure?.fields ?? {}) }

  const submit = () => {
    setAttempted(true)
    if (Object.keys(clientErrors).length) {
      return
    }
    apply.mutate(undefined, {
      onSuccess: (r) => {
        onClose()
        onApplied(r.credit_memo)
      },
    })
  }

  return (
    <FormDrawer
      open={isOpen}
      onOpenChange={(o) => !o && onClose()}
      title={givenMemo ? `Apply ${givenMemo.number} to an order` : "Apply a credit memo to this order"}
      description={
        <>
          {memo ? `${formatMoney(memo.remaining_amount, currency)} remaining on ${memo.number}. ` : ""}It
          lowers what the order owes; no money moves.
        </>
      }
      error={generalError(apply.failure)}
      submit={{
        label: "Apply",
        isPending: apply.isPending,
        "data-testid": "apply-confirm",
        onClick: submit,
      }}
    >
      {memoChoices && !givenMemo && (
        <Field label="Credit memo" error={errors.credit_memo}>
          {(control) => (
            <Select
              value={chosenMemoId}
              onValueChange={(v) => {
                apply.reset()
                setChosenMemoId(v)
              }}
            >
              <Select.Trigger {...control} data-testid="apply-memo-select">
                <Select.Value
                  placeholder={
                    memoChoices.length ? "Choose a credit memo" : "No credit memo with credit left"
                  }
                />
              </Select.Trigger>
              <Select.Content>
                {memoChoices.map((m) => (
                  <Select.Item key={m.id} value={m.id}>
                    {m.number} · {formatDate(m.memo_date)} ·{" "}
                    {formatMoney(m.remaining_amount, m.currency_code)} left
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          )}
        </Field>
      )}
      <OpenOrderPicker
        orders={open}
        value={order}
        onChange={(v) => {
          apply.reset()
          setOrder(v)
        }}
        error={errors.order_id ?? (orders.error ? "The customer's orders could not be loaded" : null)}
        loading={orders.isLoading}
      />
      <TextField
        label="Amount"
        value={amount}
        onChange={(v) => {
          apply.reset()
          setAmount(v)
        }}
        error={errors.amount}
        data-testid="apply-amount"
      />
      <DateField label="Date" value={date} onChange={setDate} error={errors.date} />
      {chosen && (
        <Text size="small" className="text-ui-fg-subtle">
          The order will have{" "}
          {formatMoney(
            BigNumber.max(
              0,
              toDecimal(chosen.open_amount).minus(parseAmount(amount, currency).amount ?? 0)
            ).toString(),
            currency
          )}{" "}
          open afterwards.
        </Text>
      )}
    </FormDrawer>
  )
}
