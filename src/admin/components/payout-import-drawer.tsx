import { Input, Select, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import type { PayoutColumnMapping, PostedPayout } from "../../sdk/accounting-client"
import { AccountingApiError } from "../../sdk/accounting-client"
import { useAccountingMutation } from "../hooks/accounting"
import { accounting } from "../lib/sdk"
import { Field, FieldError, TextField } from "./form-field"
import { FormDrawer } from "./form-drawer"

type Format = "stripe" | "csv"

/** The columns a generic CSV must name (the server refuses a mapping without them). */
const MAPPING: { key: keyof PayoutColumnMapping; label: string; required: boolean }[] = [
  { key: "payout_id", label: "Payout id column", required: true },
  { key: "payout_date", label: "Payout date column", required: true },
  { key: "currency", label: "Currency column", required: true },
  { key: "gross", label: "Gross column", required: true },
  { key: "fee", label: "Fee column", required: true },
  { key: "net", label: "Net column", required: false },
  { key: "category", label: "Category column", required: false },
  { key: "payment_id", label: "Payment id column", required: false },
  { key: "description", label: "Description column", required: false },
]

/**
 * Imports a processor's payout report: Stripe's itemized payout
 * reconciliation export, or any CSV with its columns named. A file with a
 * bad line posts nothing; its lines' problems are listed here, by line.
 */
export const PayoutImportDrawer = ({
  open,
  onOpenChange,
  defaultProvider,
  onDone,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  defaultProvider: string
  onDone: (payouts: PostedPayout[]) => void
}) => {
  const [file, setFile] = useState<File | null>(null)
  const [provider, setProvider] = useState(defaultProvider)
  const [format, setFormat] = useState<Format>("stripe")
  const [mapping, setMapping] = useState<Record<string, string>>({})
  const [attempted, setAttempted] = useState(false)
  const run = useAccountingMutation(
    (input: { file: File; provider_id: string; format: Format; mapping?: PayoutColumnMapping }) =>
      accounting.payouts.import(input.file, input),
    { codeFields: { UNKNOWN_PROVIDER: "provider_id" } }
  )
  useEffect(() => {
    if (open) {
      setFile(null)
      setProvider(defaultProvider)
      setFormat("stripe")
      setMapping({})
      setAttempted(false)
      run.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  const clientErrors: Record<string, string> = {}
  if (!file) {
    clientErrors.file = "Choose the payout report (a .csv file)"
  }
  if (!provider.trim()) {
    clientErrors.provider_id = "Enter the payment provider, e.g. pp_stripe_stripe"
  }
  if (format === "csv") {
    for (const m of MAPPING) {
      if (m.required && !mapping[m.key]?.trim()) {
        clientErrors[`mapping.${m.key}`] = "Name the column"
      }
    }
  }
  const fields = { ...(attempted ? clientErrors : {}), ...(run.failure?.fields ?? {}) }
  // A refused file: the server names each line's problem; nothing was posted.
  const lineErrors = run.error instanceof AccountingApiError ? run.error.errors : []
  const general = run.failure && !Object.keys(run.failure.fields).length ? run.failure.message : null

  const submit = () => {
    setAttempted(true)
    if (Object.keys(clientErrors).length || !file) {
      return
    }
    const named = Object.fromEntries(
      Object.entries(mapping)
        .map(([k, v]) => [k, v.trim()])
        .filter(([, v]) => v)
    ) as PayoutColumnMapping
    run.mutate(
      { file, provider_id: provider.trim(), format, ...(format === "csv" && { mapping: named }) },
      {
        onSuccess: (r) => {
          onOpenChange(false)
          onDone(r.payouts)
        },
      }
    )
  }

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title="Import a payout report"
      description="Each payout is posted once (Dr Bank net, Dr Processing Fees / Cr the provider's clearing account) and its lines are matched to Medusa's captures and refunds. A payout imported before is not posted again."
      error={general}
      submit={{
        label: "Import",
        isPending: run.isPending,
        "data-testid": "import-payouts",
        onClick: submit,
      }}
    >
      <Field label="Payout report (CSV)" error={fields.file}>
        {(control) => (
          <Input
            {...control}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              run.reset()
              setFile(e.target.files?.[0] ?? null)
            }}
            data-testid="payout-file"
          />
        )}
      </Field>
      <TextField
        label="Payment provider"
        value={provider}
        onChange={setProvider}
        hint="Medusa's id of the provider that paid out, e.g. pp_stripe_stripe"
        error={fields.provider_id}
        data-testid="payout-provider"
      />
      <Field label="Format" error={fields.format}>
        {(control) => (
          <Select value={format} onValueChange={(v) => setFormat(v as Format)}>
            <Select.Trigger {...control} data-testid="payout-format">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="stripe">Stripe itemized payout reconciliation</Select.Item>
              <Select.Item value="csv">Other CSV (name its columns)</Select.Item>
            </Select.Content>
          </Select>
        )}
      </Field>
      {format === "csv" && (
        <div className="flex flex-col gap-y-3" data-testid="payout-mapping">
          <Text size="small" className="text-ui-fg-subtle">
            The header of each column, as written in the file. Net, when named, is checked against gross minus
            fee.
          </Text>
          {fields.mapping && <FieldError>{fields.mapping}</FieldError>}
          <div className="grid grid-cols-2 gap-3">
            {MAPPING.map((m) => (
              <TextField
                key={m.key}
                label={m.required ? m.label : `${m.label} (optional)`}
                value={mapping[m.key] ?? ""}
                onChange={(v) => setMapping((current) => ({ ...current, [m.key]: v }))}
                error={fields[`mapping.${m.key}`]}
                data-testid={`mapping-${m.key}`}
              />
            ))}
          </div>
        </div>
      )}
      {lineErrors.length > 0 && (
        <div className="flex flex-col gap-y-1" data-testid="payout-file-errors">
          <Text size="small" weight="plus">
            Nothing was posted. Correct these lines and import the file again:
          </Text>
          <ul className="flex flex-col gap-y-1">
            {lineErrors.map((e) => (
              <li key={`${e.row}-${e.field}`} data-testid="payout-file-error">
                <FieldError>{e.message}</FieldError>
              </li>
            ))}
          </ul>
        </div>
      )}
    </FormDrawer>
  )
}
