import { Button, FocusModal, Heading, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import type { ReceivedPayment } from "../../sdk/accounting-client"
import { useAccountingMutation } from "../hooks/accounting"
import { newIdempotencyKey, todayIso } from "../lib/format"
import { accounting } from "../lib/sdk"
import { DateField, TextField } from "./form-field"
import { ActionError } from "./notice"
import { MethodField } from "./method-field"

const METHODS = ["eft", "check", "cash", "record_transfer"]

/**
 * Records a payment received outside Medusa for one customer: it is posted
 * at once and settles the customer's open orders oldest due first; what is
 * left stays a credit (applied later from the customer's "Apply credits").
 */
export const PaymentFormModal = ({
  customerId,
  open,
  onOpenChange,
  onDone,
}: {
  customerId: string
  open: boolean
  onOpenChange: (open: boolean) => void
  onDone: (payment: ReceivedPayment) => void
}) => {
  const [date, setDate] = useState(todayIso())
  const [method, setMethod] = useState("eft")
  const [currency, setCurrency] = useState("usd")
  const [amount, setAmount] = useState("")
  const [reference, setReference] = useState("")
  // One key per opening of the form: a double click or a retry records the payment once.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey())
  const record = useAccountingMutation(
    () =>
      accounting.payments.create(
        {
          customer_id: customerId,
          currency_code: currency.trim().toLowerCase(),
          date,
          method,
          amount: amount.trim(),
          reference: reference.trim() || null,
        },
        idempotencyKey
      ),
    { codeFields: { PERIOD_CLOSED: "date", DATE_IN_FUTURE: "date", ACCOUNT_NOT_MAPPED: "method" } }
  )
  useEffect(() => {
    if (open) {
      setDate(todayIso())
      setAmount("")
      setReference("")
      setIdempotencyKey(newIdempotencyKey())
      record.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])
  const fields = record.failure?.fields ?? {}
  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content>
        <FocusModal.Header>
          <FocusModal.Title asChild>
            <Heading level="h2" className="txt-compact-medium-plus">
              Record a payment
            </Heading>
          </FocusModal.Title>
        </FocusModal.Header>
        <FocusModal.Body className="flex flex-col items-center overflow-y-auto py-8">
          <form
            className="flex w-full max-w-lg flex-col gap-y-4"
            noValidate
            onSubmit={(e) => e.preventDefault()}
          >
            <FocusModal.Description asChild>
              <Text size="small" className="text-ui-fg-subtle">
                Posted at once (Dr the method's account / Cr receivables) and applied to the customer's open
                orders, oldest due first. What is left stays a credit.
              </Text>
            </FocusModal.Description>
            <DateField label="Date received" value={date} onChange={setDate} error={fields.date} />
            <MethodField
              methods={METHODS}
              value={method}
              onChange={setMethod}
              error={fields.method}
              data-testid="payment-method"
            />
            <TextField
              label="Currency"
              value={currency}
              onChange={setCurrency}
              error={fields.currency_code}
              data-testid="payment-currency"
            />
            <TextField
              label="Amount"
              value={amount}
              onChange={setAmount}
              error={fields.amount}
              placeholder="0.00"
              data-testid="payment-amount"
            />
            <TextField
              label="Reference"
              value={reference}
              onChange={setReference}
              error={fields.reference}
              hint="Bank reference or check number"
              data-testid="payment-reference"
            />
          </form>
        </FocusModal.Body>
        <FocusModal.Footer>
          <div className="flex w-full flex-col gap-y-2">
            <ActionError
              message={record.failure && !Object.keys(fields).length ? record.failure.message : null}
            />
            <div className="flex items-center justify-end gap-x-2">
              <FocusModal.Close asChild>
                <Button size="small" variant="secondary" type="button">
                  Cancel
                </Button>
              </FocusModal.Close>
              <Button
                size="small"
                type="button"
                disabled={!amount.trim()}
                isLoading={record.isPending}
                data-testid="record-payment"
                onClick={() =>
                  record.mutate(undefined, {
                    onSuccess: (r) => {
                      onOpenChange(false)
                      onDone(r.payment)
                    },
                  })
                }
              >
                Record payment
              </Button>
            </div>
          </div>
        </FocusModal.Footer>
      </FocusModal.Content>
    </FocusModal>
  )
}
