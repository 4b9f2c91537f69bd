import { Button, IconButton, Input, Label, Select, Switch, Text } from "@medusajs/ui"
import { Trash } from "@medusajs/icons"
import { useQuery } from "@tanstack/react-query"
import { useEffect, useId, useMemo, useState } from "react"
import type { CreditMemo } from "../../sdk/accounting-client"
import { accounting, sdk } from "../lib/sdk"
import { todayIso } from "../lib/format"
import { formatMoney, parseAmount, sumMoney, toDecimal, toInputAmount } from "../lib/money"
import { useAccountingMutation, usePermissions } from "../hooks/accounting"
import { CustomerPicker } from "./customer-picker"
import { DraftFormModal } from "./draft-form-modal"
import { DateField, Field, TextField } from "./form-field"
import { ReasonCodeField } from "./reason-code-field"

type Kind = "item" | "shipping" | "adjustment"
type LineForm = { kind: Kind; description: string; amount: string; tax: string }

/** A new memo (customer, currency and order fixed when opened from an order) or a draft to edit. */
export type MemoFormTarget =
  | { customerId?: string; currency?: string; orderId?: string | null; orderLabel?: string }
  | { memo: CreditMemo }

const emptyLine = (): LineForm => ({ kind: "item", description: "", amount: "", tax: "" })

/** What is wrong with the form, by the API's field names, in plain words. */
function validate(form: { customerId: string; currency: string; date: string; reason: string; lines: LineForm[] }) {
  const errors: Record<string, string> = {}
  if (!form.customerId) {
    errors.customer_id = "Choose the customer"
  }
  if (!form.currency) {
    errors.currency_code = "Choose the currency"
  }
  if (!form.date) {
    errors.date = "Enter the memo's date"
  }
  if (!form.reason.trim()) {
    errors.reason = "Say why the customer is credited"
  }
  form.lines.forEach((line, i) => {
    if (!line.description.trim()) {
      errors[`lines.${i}.description`] = "Describe the line"
    }
    const amount = parseAmount(line.amount, form.currency || "usd")
    if (amount.error) {
      errors[`lines.${i}.amount`] = amount.error
    }
    if (line.tax.trim()) {
      const tax = parseAmount(line.tax, form.currency || "usd", { allowZero: true })
      if (tax.error) {
        errors[`lines.${i}.tax_amount`] = tax.error
      }
    }
  })
  return errors
}

/** The currencies the store sells in (Medusa's store settings). */
const useStoreCurrencies = (enabled: boolean) =>
  useQuery({
    queryKey: ["accounting", "store-currencies"],
    queryFn: async () => {
      const { stores } = await sdk.admin.store.list({ fields: "id,*supported_currencies" })
      return stores.flatMap((s) => s.supported_currencies.map((c) => c.currency_code))
    },
    enabled,
    staleTime: 300_000,
  })

/**
 * "Create credit memo" / "Edit draft": customer and currency (unless fixed
 * by the order), date, reason and lines; "Save draft" or "Issue". Issuing a
 * new memo is one request: a refused issue leaves no draft behind.
 */
export const CreditMemoFormModal = ({
  target,
  open,
  onOpenChange,
  onDone,
}: {
  target: MemoFormTarget
  open: boolean
  onOpenChange: (open: boolean) => void
  onDone: (memo: CreditMemo) => void
}) => {
  const { can } = usePermissions()
  const editing = "memo" in target ? target.memo : null
  const fixed = "memo" in target ? null : target
  const [customerId, setCustomerId] = useState("")
  const [currency, setCurrency] = useState("")
  const [date, setDate] = useState(todayIso())
  const [reason, setReason] = useState("")
  const [reasonCode, setReasonCode] = useState("")
  // Internal: not a tax document; an invoicing plugin issues the legal credit note.
  const [internal, setInternal] = useState(false)
  const [legalNumber, setLegalNumber] = useState("")
  const internalId = useId()
  const [lines, setLines] = useState<LineForm[]>([emptyLine()])
  const [attempted, setAttempted] = useState(false)
  const currencies = useStoreCurrencies(open && !editing && !fixed?.currency)

  useEffect(() => {
    if (!open) {
      return
    }
    setAttempted(false)
    save.reset()
    if (editing) {
      setCustomerId(editing.customer_id)
      setCurrency(editing.currency_code)
      setDate(editing.memo_date)
      setReason(editing.reason)
      setReasonCode(editing.reason_code ?? "")
      setInternal(editing.internal)
      setLegalNumber(editing.legal_number ?? "")
      setLines(
        editing.lines.map((l) => ({
          kind: l.kind,
          description: l.description,
          amount: toInputAmount(l.amount, editing.currency_code),
          tax: toDecimal(l.tax_amount).isZero() ? "" : toInputAmount(l.tax_amount, editing.currency_code),
        }))
      )
    } else {
      setCustomerId(fixed?.customerId ?? "")
      setCurrency(fixed?.currency ?? "")
      setDate(todayIso())
      setReason("")
      setReasonCode("")
      setInternal(false)
      setLegalNumber("")
      setLines([emptyLine()])
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, editing?.id])
  useEffect(() => {
    if (!currency && currencies.data?.length) {
      setCurrency(currencies.data[0])
    }
  }, [currencies.data, currency])

  const save = useAccountingMutation(
    async (issue: boolean) => {
      const body = {
        date,
        reason: reason.trim(),
        reason_code: reasonCode || null,
        internal,
        legal_number: (internal && legalNumber.trim()) || null,
        lines: lines.map((l) => ({
          kind: l.kind,
          description: l.description.trim(),
          amount: l.amount.trim(),
          ...(l.tax.trim() && { tax_amount: l.tax.trim() }),
        })),
      }
      if (editing) {
        const { credit_memo } = await accounting.creditMemos.update(editing.id, body)
        return issue ? accounting.creditMemos.issue(editing.id) : { credit_memo }
      }
      return accounting.creditMemos.create({
        customer_id: customerId,
        order_id: fixed?.orderId ?? undefined,
        currency_code: currency,
        ...body,
        issue,
      })
    },
    {
      codeFields: {
        PERIOD_CLOSED: "date",
        DATE_BEFORE_ORIGINAL: "date",
        PRECISION_EXCEEDED: "lines",
        UNKNOWN_REASON_CODE: "reason_code",
        REASON_CODE_REQUIRED: "reason_code",
      },
    }
  )

  const clientErrors = useMemo(
    () => validate({ customerId, currency, date, reason, lines }),
    [customerId, currency, date, reason, lines]
  )
  const errors = { ...(attempted ? clientErrors : {}), ...(save.failure?.fields ?? {}) }
  // What the typed amounts and taxes add up to (anything not yet a valid amount counts as 0).
  const total = sumMoney(
    lines
      .flatMap((l) => [l.amount, l.tax])
      .map((v) => parseAmount(v, currency || "usd", { allowZero: true }).amount?.toString() ?? "0")
  )
  const change = <T,>(set: (v: T) => void) => (v: T) => {
    save.reset()
    set(v)
  }
  const setLine = (i: number, patch: Partial<LineForm>) => {
    save.reset()
    setLines((ls) => ls.map((l, j) => (i === j ? { ...l, ...patch } : l)))
  }
  const submit = (issue: boolean) => {
    setAttempted(true)
    if (Object.keys(clientErrors).length) {
      return
    }
    save.mutate(issue, {
      onSuccess: (result) => {
        onOpenChange(false)
        onDone(result.credit_memo)
      },
    })
  }

  const fixedOrder = fixed?.orderId
  return (
    <DraftFormModal
      open={open}
      onOpenChange={onOpenChange}
      title={editing ? `Edit draft credit memo` : "Create credit memo"}
      description={
        editing
          ? "Change the draft, then save it or issue it. Issuing posts it and gives it its number."
          : `Lowers what the customer owes${fixedOrder ? ` on order ${fixed?.orderLabel ?? ""}` : ""}. Issuing posts it and gives it its number; a draft can be edited or deleted later.`
      }
      width="max-w-[760px]"
      onSubmit={submit}
      isPending={save.isPending}
      canSaveDraft={can("credit_memos:add")}
      canFinish={can("credit_memos:add") && can("credit_memos:issue")}
      finishLabel="Issue"
      finishTestId="memo-issue"
      error={save.failure?.message}
    >
      {!editing && !fixed?.customerId && (
        <CustomerPicker value={customerId} onChange={change(setCustomerId)} error={errors.customer_id} />
      )}
      <div className="grid grid-cols-3 gap-4">
        {!editing && !fixed?.currency ? (
          <Field label="Currency" error={errors.currency_code}>
            {(control) => (
              <Select value={currency} onValueChange={change(setCurrency)}>
                <Select.Trigger {...control} data-testid="memo-currency">
                  <Select.Value placeholder="Currency" />
                </Select.Trigger>
                <Select.Content>
                  {(currencies.data ?? []).map((c) => (
                    <Select.Item key={c} value={c}>
                      {c.toUpperCase()}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            )}
          </Field>
        ) : (
          <Field label="Currency">
            {(control) => <Input {...control} value={currency.toUpperCase()} disabled />}
          </Field>
        )}
        <DateField label="Date" value={date} onChange={change(setDate)} error={errors.date} data-testid="memo-date" />
        <TextField
          label="Reason"
          value={reason}
          onChange={change(setReason)}
          error={errors.reason}
          placeholder="Damaged on arrival"
          data-testid="memo-reason"
        />
        <ReasonCodeField
          type="credit_memo"
          value={reasonCode}
          onChange={change(setReasonCode)}
          error={errors.reason_code}
          data-testid="memo-reason-code"
        />
        <div className="flex items-center gap-x-2">
          <Switch
            id={internalId}
            checked={internal}
            onCheckedChange={change(setInternal)}
            data-testid="memo-internal"
          />
          <Label htmlFor={internalId} size="small">
            Internal memo (not a tax document)
          </Label>
        </div>
        {internal && (
          <TextField
            label="Legal credit note number (optional)"
            hint="From your invoicing plugin; it can also be recorded after the memo is issued"
            value={legalNumber}
            onChange={change(setLegalNumber)}
            error={errors.legal_number}
            data-testid="memo-legal-number"
          />
        )}
      </div>
      <fieldset className="flex flex-col gap-y-3">
        <legend className="txt-compact-small-plus mb-2">Lines</legend>
        {lines.map((line, i) => (
          <div
            key={i}
            className="grid grid-cols-[130px_1fr_120px_120px_32px] items-start gap-2"
            data-testid="memo-line"
          >
            <Field label={`Line ${i + 1} kind`}>
              {(control) => (
                <Select value={line.kind} onValueChange={(v) => setLine(i, { kind: v as Kind })}>
                  <Select.Trigger {...control}>
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    <Select.Item value="item">Item</Select.Item>
                    <Select.Item value="shipping">Shipping</Select.Item>
                    <Select.Item value="adjustment">Adjustment</Select.Item>
                  </Select.Content>
                </Select>
              )}
            </Field>
            <TextField
              label="Description"
              value={line.description}
              onChange={(v) => setLine(i, { description: v })}
              error={errors[`lines.${i}.description`]}
            />
            <TextField
              label="Amount"
              value={line.amount}
              onChange={(v) => setLine(i, { amount: v })}
              error={errors[`lines.${i}.amount`]}
              placeholder="0.00"
              data-testid="memo-line-amount"
            />
            <TextField
              label="Tax"
              value={line.tax}
              onChange={(v) => setLine(i, { tax: v })}
              error={errors[`lines.${i}.tax_amount`]}
              placeholder="0.00"
            />
            <IconButton
              type="button"
              size="small"
              variant="transparent"
              className="mt-6"
              aria-label={`Remove line ${i + 1}`}
              disabled={lines.length === 1}
              onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
            >
              <Trash />
            </IconButton>
          </div>
        ))}
        <div className="flex items-center justify-between">
          <Button
            type="button"
            size="small"
            variant="secondary"
            onClick={() => setLines((ls) => [...ls, emptyLine()])}
          >
            Add line
          </Button>
          <Text weight="plus" data-testid="memo-total">
            Total {formatMoney(total.toString(), currency || "usd")}
          </Text>
        </div>
      </fieldset>
    </DraftFormModal>
  )
}
