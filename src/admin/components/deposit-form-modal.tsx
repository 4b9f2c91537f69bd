import { Button, FocusModal, Heading, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import type { CustomerDeposit } from "../../sdk/accounting-client"
import { useAccountingMutation } from "../hooks/accounting"
import { newIdempotencyKey, todayIso } from "../lib/format"
import { parseAmount } from "../lib/money"
import { accounting } from "../lib/sdk"
import { CustomerPicker } from "./customer-picker"
import { DateField, TextField } from "./form-field"
import { ActionError } from "./notice"
import { MethodField } from "./method-field"

const METHODS = ["eft", "check", "cash", "card", "record_transfer"]

/**
 * Records a deposit or advance a customer paid before an order: posted at
 * once (Dr the method's account / Cr Customer Advances), applied to an
 * order later from the list.
 */
export const DepositFormModal = ({
  open,
  onOpenChange,
  onDone,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  onDone: (deposit: CustomerDeposit) => void
}) => {
  const [customerId, setCustomerId] = useState("")
  const [date, setDate] = useState(todayIso())
  const [method, setMethod] = useState("eft")
  const [currency, setCurrency] = useState("usd")
  const [amount, setAmount] = useState("")
  const [reference, setReference] = useState("")
  const [attempted, setAttempted] = useState(false)
  // One key per opening of the form: a double click or a retry records the deposit once.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey())
  const record = useAccountingMutation(
    () =>
      accounting.deposits.create(
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
    {
      codeFields: {
        PERIOD_CLOSED: "date",
        DATE_IN_FUTURE: "date",
        ACCOUNT_NOT_MAPPED: "method",
        DEPOSIT_METHOD_NOT_SUPPORTED: "method",
        PRECISION_EXCEEDED: "amount",
      },
    }
  )
  useEffect(() => {
    if (open) {
      setCustomerId("")
      setDate(todayIso())
      setAmount("")
      setReference("")
      setAttempted(false)
      setIdempotencyKey(newIdempotencyKey())
      record.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])
  const parsed = parseAmount(amount, currency.trim() || "usd")
  const local: Record<string, string> = {}
  if (attempted && !customerId) {
    local.customer_id = "Choose the customer"
  }
  if (attempted && parsed.error) {
    local.amount = parsed.error
  }
  const fields = { ...local, ...(record.failure?.fields ?? {}) }
  const submit = () => {
    setAttempted(true)
    if (!customerId || parsed.error) {
      return
    }
    record.mutate(undefined, {
      onSuccess: (r) => {
        onOpenChange(false)
        onDone(r.deposit)
      },
    })
  }
  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content>
        <FocusModal.Header>
          <FocusModal.Title asChild>
            <Heading level="h2" className="txt-compact-medium-plus">
              Record a deposit
            </Heading>
          </FocusModal.Title>
        </FocusModal.Header>
        <FocusModal.Body className="flex flex-col items-center overflow-y-auto py-8">
          <form className="flex w-full max-w-lg flex-col gap-y-4" noValidate onSubmit={(e) => e.preventDefault()}>
            <FocusModal.Description asChild>
              <Text size="small" className="text-ui-fg-subtle">
                Posted at once (Dr the method's account / Cr Customer Advances). Apply it to the customer's order
                later, or pay back what is left.
              </Text>
            </FocusModal.Description>
            <CustomerPicker value={customerId} onChange={setCustomerId} error={fields.customer_id} />
            <DateField label="Date received" value={date} onChange={setDate} error={fields.date} data-testid="deposit-date" />
            <MethodField
              methods={METHODS}
              value={method}
              onChange={setMethod}
              error={fields.method}
              data-testid="deposit-method"
            />
            <TextField
              label="Currency"
              value={currency}
              onChange={setCurrency}
              error={fields.currency_code}
              hint="The currency of the order it will be applied to"
              data-testid="deposit-currency"
            />
            <TextField
              label="Amount"
              value={amount}
              onChange={setAmount}
              error={fields.amount}
              placeholder="0.00"
              data-testid="deposit-amount"
            />
            <TextField
              label="Reference"
              value={reference}
              onChange={setReference}
              error={fields.reference}
              hint="Bank reference, check number or receipt"
              data-testid="deposit-reference"
            />
          </form>
        </FocusModal.Body>
        <FocusModal.Footer>
          <div className="flex w-full flex-col gap-y-2">
            <ActionError message={record.failure && !Object.keys(record.failure.fields).length ? record.failure.message : null} />
            <div className="flex items-center justify-end gap-x-2">
              <FocusModal.Close asChild>
                <Button size="small" variant="secondary" type="button">
                  Cancel
                </Button>
              </FocusModal.Close>
              <Button size="small" type="button" isLoading={record.isPending} data-testid="record-deposit" onClick={submit}>
                Record deposit
              </Button>
            </div>
          </div>
        </FocusModal.Footer>
      </FocusModal.Content>
    </FocusModal>
  )
}
