import { Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useAccountingMutation } from "../hooks/accounting"
import { todayIso } from "../lib/format"
import { parseAmount } from "../lib/money"
import { accounting } from "../lib/sdk"
import { DateField, TextField } from "./form-field"
import { FormDrawer, generalError } from "./form-drawer"
import { ReasonCodeField } from "./reason-code-field"

/** Small-balance write-off: every order of a currency owing at most the threshold, one WO- each. */
export const BulkWriteOffDrawer = ({
  open,
  onOpenChange,
  onDone,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  onDone: (count: number) => void
}) => {
  const [currency, setCurrency] = useState("usd")
  const [threshold, setThreshold] = useState("1.00")
  const [reason, setReason] = useState("small_balance")
  const [date, setDate] = useState(todayIso())
  const [attempted, setAttempted] = useState(false)
  const run = useAccountingMutation(
    () =>
      accounting.writeOffs.bulk({
        currency_code: currency.trim().toLowerCase(),
        threshold: threshold.trim(),
        reason_code: reason || null,
        date,
      }),
    {
      codeFields: {
        PERIOD_CLOSED: "date",
        DATE_IN_FUTURE: "date",
        UNKNOWN_REASON_CODE: "reason_code",
        REASON_CODE_REQUIRED: "reason_code",
      },
    }
  )
  useEffect(() => {
    if (open) {
      setDate(todayIso())
      setAttempted(false)
      run.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])
  // Checked as the API checks it, before anything is sent.
  const thresholdError = attempted ? parseAmount(threshold, currency.trim() || "usd").error : undefined
  const fields = run.failure?.fields ?? {}
  const submit = () => {
    setAttempted(true)
    if (parseAmount(threshold, currency.trim() || "usd").error) {
      return
    }
    run.mutate(undefined, {
      onSuccess: (r) => {
        onOpenChange(false)
        onDone(r.count)
      },
    })
  }
  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title="Write off small balances"
      description="Every order of the currency that still owes more than 0 and at most the threshold is written off in full to Bad Debt, each with its own number."
      error={generalError(run.failure)}
      submit={{
        label: "Write off",
        variant: "danger",
        isPending: run.isPending,
        "data-testid": "run-bulk-write-off",
        onClick: submit,
      }}
    >
      <TextField label="Currency" value={currency} onChange={setCurrency} error={fields.currency_code} />
      <TextField
        label="Threshold"
        value={threshold}
        onChange={setThreshold}
        error={thresholdError ?? fields.threshold}
        data-testid="bulk-threshold"
      />
      <ReasonCodeField
        type="write_off"
        value={reason}
        onChange={setReason}
        error={fields.reason_code}
        data-testid="bulk-reason-code"
      />
      <DateField label="Date" value={date} onChange={setDate} error={fields.date} />
      <Text size="xsmall" className="text-ui-fg-subtle">
        A write-off can be voided later; the order then owes the amount again.
      </Text>
    </FormDrawer>
  )
}
