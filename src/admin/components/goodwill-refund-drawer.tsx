import { Select, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import type { AdminGoodwillRefundResponse, RefundablePayment } from "../../sdk/accounting-client"
import { useAccountingMutation, useSettings } from "../hooks/accounting"
import { newIdempotencyKey } from "../lib/format"
import { formatMoney, parseAmount } from "../lib/money"
import { accounting } from "../lib/sdk"
import { Field, TextAreaField, TextField } from "./form-field"
import { ReasonCodeField } from "./reason-code-field"
import { FormDrawer, generalError } from "./form-drawer"
import { MethodField } from "./method-field"

const BUILT_IN = ["check", "eft", "cash", "card", "store_credit"]

/**
 * "Goodwill refund": an allowance credit memo against the order and a
 * refund of it, posted, in one request (goodwillRefundWorkflow). One
 * idempotency key per opening, so a double click pays once. The reason comes
 * from the credit memo list (the refund carries the same code).
 */
export const GoodwillRefundDrawer = ({
  orderId,
  currency,
  payments = [],
  open,
  onOpenChange,
  onDone,
}: {
  orderId: string
  currency: string
  payments?: RefundablePayment[]
  open: boolean
  onOpenChange: (open: boolean) => void
  onDone: (result: AdminGoodwillRefundResponse) => void
}) => {
  const mapped = Object.keys(useSettings().data?.settings.method_accounts ?? {})
  const methods = [...new Set([...BUILT_IN, ...mapped])]
  const cardPayments = payments.filter((p) => p.currency_code === currency)
  const [amount, setAmount] = useState("")
  const [reasonCode, setReasonCode] = useState("goodwill")
  const [method, setMethod] = useState("check")
  const [paymentId, setPaymentId] = useState("")
  const [note, setNote] = useState("")
  const [attempted, setAttempted] = useState(false)
  const [key, setKey] = useState(newIdempotencyKey())
  const run = useAccountingMutation(
    () =>
      accounting.goodwillRefund(
        orderId,
        {
          amount: amount.trim(),
          currency_code: currency,
          reason_code: reasonCode,
          method,
          payment_id: method === "card" ? paymentId : undefined,
          note: note.trim() || undefined,
        },
        key
      ),
    {
      codeFields: {
        UNKNOWN_REASON_CODE: "reason_code",
        REASON_CODE_REQUIRED: "reason_code",
        MEMO_EXCEEDS_ORDER: "amount",
        APPROVAL_REQUIRED: "amount",
        PRECISION_EXCEEDED: "amount",
        PAYMENT_REQUIRED: "payment_id",
        ACCOUNT_NOT_MAPPED: "method",
      },
    }
  )
  useEffect(() => {
    if (open) {
      setAmount("")
      setReasonCode("goodwill")
      setMethod("check")
      setPaymentId("")
      setNote("")
      setAttempted(false)
      setKey(newIdempotencyKey())
      run.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])
  // Checked as the API checks it, before anything is sent.
  const amountError = attempted ? parseAmount(amount, currency).error : undefined
  const reasonError = attempted && !reasonCode ? "Choose the reason" : undefined
  const fields = run.failure?.fields ?? {}
  const touch =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      run.reset()
      set(v)
    }
  const submit = () => {
    setAttempted(true)
    if (parseAmount(amount, currency).error || !reasonCode) {
      return
    }
    run.mutate(undefined, {
      onSuccess: (r) => {
        onOpenChange(false)
        onDone(r)
      },
    })
  }
  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title="Goodwill refund"
      description={
        <>
          Issues an allowance credit memo against this order and pays it back to the customer at once: Sales
          Returns &amp; Allowances / AR, then AR / the method's account.
        </>
      }
      data-testid="goodwill-drawer"
      error={generalError(run.failure)}
      submit={{
        label: "Refund",
        isPending: run.isPending,
        "data-testid": "goodwill-submit",
        onClick: submit,
      }}
    >
      <TextField
        label={`Amount (${currency.toUpperCase()})`}
        value={amount}
        onChange={touch(setAmount)}
        error={amountError ?? fields.amount}
        placeholder="25.00"
        data-testid="goodwill-amount"
      />
      <ReasonCodeField
        type="credit_memo"
        value={reasonCode}
        onChange={touch(setReasonCode)}
        error={reasonError ?? fields.reason_code}
        data-testid="goodwill-reason"
      />
      <MethodField
        methods={methods}
        value={method}
        onChange={touch(setMethod)}
        error={fields.method}
        data-testid="goodwill-method"
      />
      {method === "card" && (
        <Field label="Card payment to refund" error={fields.payment_id}>
          {(control) => (
            <Select value={paymentId} onValueChange={touch(setPaymentId)}>
              <Select.Trigger {...control} data-testid="goodwill-payment">
                <Select.Value
                  placeholder={cardPayments.length ? "Choose a payment" : "No captured payment"}
                />
              </Select.Trigger>
              <Select.Content>
                {cardPayments.map((p) => (
                  <Select.Item key={p.id} value={p.id}>
                    {formatMoney(p.refundable, p.currency_code)} refundable
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          )}
        </Field>
      )}
      <TextAreaField
        label="Note (on the memo and the refund)"
        value={note}
        onChange={touch(setNote)}
        error={fields.note}
        data-testid="goodwill-note"
      />
      <Text size="xsmall" className="text-ui-fg-subtle">
        Above an approval threshold, create the memo and the refund as drafts for approval instead.
      </Text>
    </FormDrawer>
  )
}
