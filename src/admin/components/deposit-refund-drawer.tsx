import { useEffect, useState } from "react"
import type { CustomerDeposit } from "../../sdk/accounting-client"
import { useAccountingMutation } from "../hooks/accounting"
import { newIdempotencyKey } from "../lib/format"
import { formatMoney, parseAmount, toInputAmount } from "../lib/money"
import { accounting } from "../lib/sdk"
import { ActionDrawer } from "./action-drawer"
import { TextField } from "./form-field"
import { MethodField } from "./method-field"

// Card refunds go through Medusa's payments; a deposit is paid back by these.
const METHODS = ["check", "eft", "cash", "record_transfer"]

/** Pays back (part of) what remains of a deposit: Dr Customer Advances / Cr the method's account. */
export const DepositRefundDrawer = ({
  deposit,
  onClose,
  onRefunded,
}: {
  deposit: CustomerDeposit | null
  onClose: () => void
  onRefunded: (deposit: CustomerDeposit) => void
}) => {
  const [method, setMethod] = useState("check")
  const [amount, setAmount] = useState("")
  const [reference, setReference] = useState("")
  const [attempted, setAttempted] = useState(false)
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey())
  const refund = useAccountingMutation(
    (date: string) =>
      accounting.deposits.refund(
        deposit!.id,
        { amount: amount.trim(), method, date, reference: reference.trim() || null },
        idempotencyKey
      ),
    {
      codeFields: {
        REFUND_EXCEEDS_DEPOSIT: "amount",
        PRECISION_EXCEEDED: "amount",
        DEPOSIT_METHOD_NOT_SUPPORTED: "method",
        ACCOUNT_NOT_MAPPED: "method",
        DATE_BEFORE_ORIGINAL: "date",
        PERIOD_CLOSED: "date",
        DATE_IN_FUTURE: "date",
      },
    }
  )
  useEffect(() => {
    setAmount(deposit ? toInputAmount(deposit.remaining_amount, deposit.currency_code) : "")
    setReference("")
    setAttempted(false)
    setIdempotencyKey(newIdempotencyKey())
    refund.reset()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deposit?.id])
  const parsed = parseAmount(amount, deposit?.currency_code ?? "usd")
  const fields: Record<string, string> = {
    ...(attempted && parsed.error ? { amount: parsed.error } : {}),
    ...(refund.failure?.fields ?? {}),
  }
  return (
    <ActionDrawer
      open={!!deposit}
      onOpenChange={(open) => !open && onClose()}
      title={`Refund deposit ${deposit?.number ?? ""}`}
      description={`${deposit ? formatMoney(deposit.remaining_amount, deposit.currency_code) : ""} remains. Paying it back is final.`}
      confirmLabel="Refund"
      askDate
      isPending={refund.isPending}
      failure={refund.failure}
      onConfirm={({ date }) => {
        setAttempted(true)
        if (parsed.error) {
          return
        }
        refund.mutate(date, {
          onSuccess: (r) => {
            onClose()
            onRefunded(r.deposit)
          },
        })
      }}
    >
      <MethodField
        methods={METHODS}
        value={method}
        onChange={setMethod}
        error={fields.method}
        data-testid="refund-method"
      />
      <TextField label="Amount" value={amount} onChange={setAmount} error={fields.amount} data-testid="refund-amount" />
      <TextField
        label="Reference (optional)"
        value={reference}
        onChange={setReference}
        error={fields.reference}
        data-testid="refund-reference"
      />
    </ActionDrawer>
  )
}
