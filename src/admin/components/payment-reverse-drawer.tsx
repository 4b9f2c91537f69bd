import { Select } from "@medusajs/ui"
import { useState } from "react"
import type { PaymentReversalKind, ReceivedPayment } from "../../sdk/accounting-client"
import { useAccountingMutation } from "../hooks/accounting"
import { formatMoney } from "../lib/money"
import { accounting } from "../lib/sdk"
import { ActionDrawer } from "./action-drawer"
import { Field } from "./form-field"

const KINDS: [PaymentReversalKind, string][] = [
  ["bounced", "Bounced check"],
  ["chargeback", "Chargeback"],
  ["error", "Entered in error"],
  ["other", "Other"],
]

/** Reverses a received payment: the orders it paid owe again; kind and reason are kept. */
export const PaymentReverseDrawer = ({
  payment,
  onClose,
  onReversed,
}: {
  payment: ReceivedPayment | null
  onClose: () => void
  onReversed: (payment: ReceivedPayment) => void
}) => {
  const [kind, setKind] = useState<PaymentReversalKind>("bounced")
  const reverse = useAccountingMutation(
    (input: { date: string; reason: string }) => accounting.payments.reverse(payment!.id, { ...input, kind }),
    { codeFields: { PERIOD_CLOSED: "date", DATE_BEFORE_ORIGINAL: "date" } }
  )
  return (
    <ActionDrawer
      open={!!payment}
      onOpenChange={(open) => {
        if (!open) {
          reverse.reset()
          onClose()
        }
      }}
      title={`Reverse payment ${payment?.number ?? ""}`}
      description={`${payment ? formatMoney(payment.amount, payment.currency_code) : ""} comes off the books on the date you choose (on or after the payment); the orders it paid owe again.`}
      confirmLabel="Reverse payment"
      askDate
      reason={{ label: "Reason", required: true, hint: "E.g. the bank's return notice; kept in the audit trail." }}
      isPending={reverse.isPending}
      failure={reverse.failure}
      onConfirm={(input) =>
        reverse.mutate(
          { date: input.date, reason: input.reason ?? "" },
          {
            onSuccess: (r) => {
              onClose()
              onReversed(r.payment)
            },
          }
        )
      }
    >
      <Field label="Why">
        {(control) => (
          <Select value={kind} onValueChange={(v) => setKind(v as PaymentReversalKind)}>
            <Select.Trigger {...control} data-testid="reversal-kind">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {KINDS.map(([value, label]) => (
                <Select.Item key={value} value={value}>
                  {label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        )}
      </Field>
    </ActionDrawer>
  )
}
