import { Button, IconButton, Text } from "@medusajs/ui"
import { Trash } from "@medusajs/icons"
import { useEffect, useState } from "react"
import type { PostedPayout } from "../../sdk/accounting-client"
import { useAccountingMutation } from "../hooks/accounting"
import { todayIso } from "../lib/format"
import { formatMoney, parseAmount, sumMoney, type ParsedAmount } from "../lib/money"
import { accounting } from "../lib/sdk"
import { DateField, TextField } from "./form-field"
import { FormDrawer } from "./form-drawer"

type Line = { reporting_category: string; provider_payment_id: string; gross: string; fee: string }
const EMPTY_LINE: Line = { reporting_category: "charge", provider_payment_id: "", gross: "", fee: "0" }

/** A gross amount: a refund or chargeback line takes money back, so it may be negative. */
const parseGross = (text: string, currency: string): ParsedAmount => {
  const negative = text.trim().startsWith("-")
  const parsed = parseAmount(text.trim().replace(/^-/, ""), currency)
  return parsed.amount && negative ? { amount: parsed.amount.negated() } : parsed
}

/**
 * Records one payout by hand (a processor without a report we read): its
 * lines as the processor lists them. Posted at once, like an import.
 */
export const PayoutRecordDrawer = ({
  open,
  onOpenChange,
  defaultProvider,
  onDone,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  defaultProvider: string
  onDone: (payout: PostedPayout) => void
}) => {
  const [provider, setProvider] = useState(defaultProvider)
  const [payoutId, setPayoutId] = useState("")
  const [currency, setCurrency] = useState("usd")
  const [date, setDate] = useState(todayIso())
  const [lines, setLines] = useState<Line[]>([EMPTY_LINE])
  const [attempted, setAttempted] = useState(false)
  const run = useAccountingMutation(
    (body: Parameters<typeof accounting.payouts.create>[0]) => accounting.payouts.create(body),
    {
      codeFields: {
        UNKNOWN_PROVIDER: "provider_id",
        PERIOD_CLOSED: "payout_date",
        DATE_IN_FUTURE: "payout_date",
      },
    }
  )
  useEffect(() => {
    if (open) {
      setProvider(defaultProvider)
      setPayoutId("")
      setCurrency("usd")
      setDate(todayIso())
      setLines([EMPTY_LINE])
      setAttempted(false)
      run.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  const code = currency.trim().toLowerCase() || "usd"
  const clientErrors: Record<string, string> = {}
  if (!provider.trim()) {
    clientErrors.provider_id = "Enter the payment provider"
  }
  if (!payoutId.trim()) {
    clientErrors.provider_payout_id = "Enter the processor's payout id"
  }
  if (!/^[a-zA-Z]{3}$/.test(currency.trim())) {
    clientErrors.currency_code = "Enter a 3-letter currency code"
  }
  lines.forEach((l, i) => {
    const gross = parseGross(l.gross, code)
    if (gross.error) {
      clientErrors[`lines.${i}.gross`] = gross.error
    }
    const fee = parseAmount(l.fee, code, { allowZero: true })
    if (fee.error) {
      clientErrors[`lines.${i}.fee`] = fee.error
    }
  })
  // Server-side errors name "payouts.0.lines.1.gross": shown on the same fields.
  const serverFields = Object.fromEntries(
    Object.entries(run.failure?.fields ?? {}).map(([k, v]) => [k.replace(/^payouts\.0\./, ""), v])
  )
  const fields = { ...(attempted ? clientErrors : {}), ...serverFields }
  const general = run.failure && !Object.keys(serverFields).length ? run.failure.message : null
  const valid = Object.keys(clientErrors).length === 0
  const gross = valid ? sumMoney(lines.map((l) => l.gross.trim())) : null
  const fee = valid ? sumMoney(lines.map((l) => l.fee.trim())) : null

  const setLine = (i: number, change: Partial<Line>) =>
    setLines((current) => current.map((l, j) => (j === i ? { ...l, ...change } : l)))

  const submit = () => {
    setAttempted(true)
    if (!valid) {
      return
    }
    run.mutate(
      {
        payouts: [
          {
            provider_id: provider.trim(),
            provider_payout_id: payoutId.trim(),
            currency_code: code,
            payout_date: date,
            lines: lines.map((l) => ({
              reporting_category: l.reporting_category.trim() || "charge",
              provider_payment_id: l.provider_payment_id.trim() || null,
              gross: l.gross.trim(),
              fee: l.fee.trim(),
            })),
          },
        ],
      },
      {
        onSuccess: (r) => {
          onOpenChange(false)
          onDone(r.payouts[0])
        },
      }
    )
  }

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title="Record a payout"
      description="A payout as the processor lists it: each line's gross and fee (a refund line has a negative gross). Posted at once: Dr Bank net, Dr Processing Fees / Cr the provider's clearing account."
      wide
      error={general}
      submit={{
        label: "Post payout",
        isPending: run.isPending,
        "data-testid": "record-payout",
        onClick: submit,
      }}
    >
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label="Payment provider"
          value={provider}
          onChange={setProvider}
          error={fields.provider_id}
          data-testid="record-provider"
        />
        <TextField
          label="Payout id"
          value={payoutId}
          onChange={setPayoutId}
          placeholder="po_…"
          error={fields.provider_payout_id}
          data-testid="record-payout-id"
        />
        <TextField
          label="Currency"
          value={currency}
          onChange={setCurrency}
          error={fields.currency_code}
          data-testid="record-currency"
        />
        <DateField label="Payout date" value={date} onChange={setDate} error={fields.payout_date} />
      </div>
      {lines.map((l, i) => (
        <div
          key={i}
          className="grid grid-cols-[1fr_1fr_1fr_1fr_auto] items-start gap-2"
          data-testid="record-line"
        >
          <TextField
            label={`Line ${i + 1} category`}
            value={l.reporting_category}
            onChange={(v) => setLine(i, { reporting_category: v })}
            error={fields[`lines.${i}.reporting_category`]}
          />
          <TextField
            label={`Line ${i + 1} payment id`}
            value={l.provider_payment_id}
            onChange={(v) => setLine(i, { provider_payment_id: v })}
            placeholder="pi_… (optional)"
            error={fields[`lines.${i}.provider_payment_id`]}
          />
          <TextField
            label={`Line ${i + 1} gross`}
            value={l.gross}
            onChange={(v) => setLine(i, { gross: v })}
            error={fields[`lines.${i}.gross`]}
            data-testid={`record-gross-${i}`}
          />
          <TextField
            label={`Line ${i + 1} fee`}
            value={l.fee}
            onChange={(v) => setLine(i, { fee: v })}
            error={fields[`lines.${i}.fee`]}
            data-testid={`record-fee-${i}`}
          />
          <IconButton
            size="small"
            variant="transparent"
            className="mt-6"
            aria-label={`Remove line ${i + 1}`}
            disabled={lines.length === 1}
            onClick={() => setLines((current) => current.filter((_, j) => j !== i))}
          >
            <Trash />
          </IconButton>
        </div>
      ))}
      <div className="flex items-center justify-between">
        <Button
          size="small"
          variant="secondary"
          onClick={() => setLines((current) => [...current, EMPTY_LINE])}
          data-testid="record-add-line"
        >
          Add line
        </Button>
        <Text size="small" className="tabular-nums" data-testid="record-net">
          {gross && fee
            ? `Gross ${formatMoney(gross.toString(), code)} − fees ${formatMoney(fee.toString(), code)} = net ${formatMoney(gross.minus(fee).toString(), code)}`
            : ""}
        </Text>
      </div>
    </FormDrawer>
  )
}
