import { Checkbox, Select, Table, Text } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import type { BankDeposit, UndepositedReceipt } from "../../sdk/accounting-client"
import { useAccountingMutation, useUndepositedReceipts } from "../hooks/accounting"
import { formatDate, todayIso } from "../lib/format"
import { formatMoney, sumMoney } from "../lib/money"
import { accounting } from "../lib/sdk"
import { DateField, Field, FieldError, TextAreaField, TextField } from "./form-field"
import { Money } from "./money"
import { LoadError, Loading } from "./section"
import { FormDrawer } from "./form-drawer"

const key = (r: UndepositedReceipt) => `${r.type}:${r.id}`

/**
 * A deposit slip: tick the checks, cash and captures sitting in Undeposited
 * Funds that go to the bank together (one currency per slip), with the
 * running total; posted as Dr Bank / Cr Undeposited Funds. The amounts come
 * from the books, so only the picks are sent.
 */
export const BankDepositDrawer = ({
  open,
  onOpenChange,
  onDone,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  onDone: (deposit: BankDeposit) => void
}) => {
  const receipts = useUndepositedReceipts(undefined, open)
  const all = receipts.data?.receipts ?? []
  const currencies = useMemo(() => [...new Set(all.map((r) => r.currency_code))].sort(), [all])
  const [currency, setCurrency] = useState("")
  const [picked, setPicked] = useState<Set<string>>(new Set())
  const [date, setDate] = useState(todayIso())
  const [reference, setReference] = useState("")
  const [memo, setMemo] = useState("")
  const [attempted, setAttempted] = useState(false)
  const run = useAccountingMutation(
    (body: Parameters<typeof accounting.bankDeposits.create>[0]) => accounting.bankDeposits.create(body),
    {
      codeFields: {
        DATE_BEFORE_ORIGINAL: "deposit_date",
        DATE_IN_FUTURE: "deposit_date",
        PERIOD_CLOSED: "deposit_date",
        PERIOD_LOCKED: "deposit_date",
      },
    }
  )
  useEffect(() => {
    if (open) {
      setPicked(new Set())
      setDate(todayIso())
      setReference("")
      setMemo("")
      setAttempted(false)
      run.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])
  // The first currency with receipts, until one is chosen.
  const shown = currency && currencies.includes(currency) ? currency : (currencies[0] ?? "")
  const rows = all.filter((r) => r.currency_code === shown)
  const chosen = rows.filter((r) => picked.has(key(r)))
  const total = sumMoney(chosen.map((r) => r.amount))

  const toggle = (r: UndepositedReceipt, on: boolean) =>
    setPicked((current) => {
      const next = new Set(current)
      if (on) {
        next.add(key(r))
      } else {
        next.delete(key(r))
      }
      return next
    })

  const fields: Record<string, string | undefined> = {
    ...(attempted && !chosen.length
      ? { receipts: "Tick the receipts that go to the bank on this slip" }
      : {}),
    ...(attempted && !date ? { deposit_date: "Enter the date" } : {}),
    ...(run.failure?.fields ?? {}),
  }
  const general = run.failure && !Object.keys(run.failure.fields).length ? run.failure.message : null

  const submit = () => {
    setAttempted(true)
    if (!chosen.length || !date) {
      return
    }
    run.mutate(
      {
        currency_code: shown,
        deposit_date: date,
        reference: reference.trim() || null,
        memo: memo.trim() || null,
        receipts: chosen.map((r) => ({ type: r.type, id: r.id })),
      },
      {
        onSuccess: (r) => {
          onOpenChange(false)
          onDone(r.bank_deposit)
        },
      }
    )
  }

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title="New bank deposit"
      description="Receipts booked to Undeposited Funds that you take to the bank together. Posting moves their total to the bank account (Dr Bank / Cr Undeposited Funds) and numbers the slip."
      wide
      error={general}
      submit={{
        label: "Post deposit",
        isPending: run.isPending,
        disabled: !all.length,
        "data-testid": "post-deposit",
        onClick: submit,
      }}
    >
      {receipts.isLoading && <Loading what="Loading the undeposited receipts…" />}
      {receipts.error && (
        <LoadError error={receipts.error} what="Undeposited receipts" onRetry={() => receipts.refetch()} />
      )}
      {receipts.data && !all.length && (
        <Text size="small" className="text-ui-fg-muted" data-testid="no-undeposited">
          Nothing is waiting in Undeposited Funds.
        </Text>
      )}
      {all.length > 0 && (
        <>
          <Field label="Currency">
            {(control) => (
              <Select
                value={shown}
                onValueChange={(v) => {
                  setCurrency(v)
                  setPicked(new Set())
                }}
              >
                <Select.Trigger {...control} data-testid="deposit-currency">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {currencies.map((c) => (
                    <Select.Item key={c} value={c}>
                      {c.toUpperCase()}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            )}
          </Field>
          <div className="flex flex-col gap-y-1">
            <Table data-testid="undeposited-receipts">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell className="w-8" />
                  <Table.HeaderCell>Received</Table.HeaderCell>
                  <Table.HeaderCell>Receipt</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {rows.map((r) => (
                  <Table.Row key={key(r)} data-testid="undeposited-receipt">
                    <Table.Cell>
                      <Checkbox
                        checked={picked.has(key(r))}
                        onCheckedChange={(v) => toggle(r, !!v)}
                        aria-label={`Deposit ${r.description}`}
                      />
                    </Table.Cell>
                    <Table.Cell>{formatDate(r.date)}</Table.Cell>
                    <Table.Cell className="whitespace-normal">{r.description}</Table.Cell>
                    <Table.Cell className="text-right">
                      <Money amount={r.amount} currency={r.currency_code} />
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            {fields.receipts && <FieldError>{fields.receipts}</FieldError>}
            <Text size="small" weight="plus" className="self-end tabular-nums" data-testid="deposit-total">
              {`${chosen.length} receipt${chosen.length === 1 ? "" : "s"}: ${formatMoney(total.toString(), shown)}`}
            </Text>
          </div>
          <DateField
            label="Deposit date"
            value={date}
            onChange={setDate}
            error={fields.deposit_date}
            data-testid="deposit-date"
          />
          <TextField
            label="Reference (optional)"
            value={reference}
            onChange={setReference}
            placeholder="The bank's slip number"
            error={fields.reference}
            data-testid="deposit-reference"
          />
          <TextAreaField label="Memo (optional)" value={memo} onChange={setMemo} error={fields.memo} />
        </>
      )}
    </FormDrawer>
  )
}
