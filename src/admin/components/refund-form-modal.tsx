import { Checkbox, Input, Select, Table, Text } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import type {
  AvailableCredit,
  PostedRefund,
  RefundMethod,
  RefundablePayment,
} from "../../sdk/accounting-client"
import { accounting } from "../lib/sdk"
import { creditSourceLabel, formatDate, methodLabel, newIdempotencyKey, orderLabel, todayIso } from "../lib/format"
import { formatMoney, parseAmount, sumMoney, toDecimal, toInputAmount } from "../lib/money"
import { useAccountingMutation, useAvailableCredits, usePermissions, useSettings } from "../hooks/accounting"
import { DraftFormModal } from "./draft-form-modal"
import { DateField, Field, FieldError, TextAreaField, TextField } from "./form-field"
import { ReasonCodeField } from "./reason-code-field"
import { Money } from "./money"

const METHODS: { value: RefundMethod; label: string }[] = [
  { value: "card", label: "Card (refund the Medusa payment)" },
  { value: "store_credit", label: "Store credit" },
  { value: "check", label: "Check" },
  { value: "eft", label: "EFT / wire" },
  { value: "cash", label: "Cash" },
  { value: "record_transfer", label: "Recorded transfer (paid elsewhere)" },
]

type Props = {
  customerId: string
  currency?: string | null
  payments?: RefundablePayment[]
  open: boolean
  onOpenChange: (open: boolean) => void
  /** Called with the answer: posted, saved as a draft, or paid with the booking pending (202). */
  onDone: (result: PostedRefund) => void
}

const keyOf = (c: AvailableCredit) => `${c.source_type}:${c.source_id}`

/** Where a credit comes from, by its document, never by an internal id. */
const documentOf = (c: AvailableCredit) =>
  c.document_number ?? (c.source_type === "store_credit" ? "Store credit balance" : creditSourceLabel(c.source_type))

/**
 * "Refund credits": pick the customer's credits (what remains of each), the
 * amounts (checked against what remains before anything is sent), method,
 * date and reference; save a draft or post at once. One idempotency key per
 * opening, so a double click posts once.
 */
export const RefundFormModal = ({ customerId, currency, payments = [], open, onOpenChange, onDone }: Props) => {
  const { can } = usePermissions()
  const credits = useAvailableCredits(open ? customerId : undefined)
  const all = credits.data?.available_credits ?? []
  const currencies = [...new Set(all.map((c) => c.currency_code))]
  const [currencyCode, setCurrencyCode] = useState<string>(currency ?? "")
  const [selected, setSelected] = useState<Record<string, string>>({})
  const [method, setMethod] = useState<RefundMethod>("check")
  // The store's own methods are those mapped to an account in the settings.
  const mapped = Object.keys(useSettings().data?.settings.method_accounts ?? {})
  const methods = [
    ...METHODS,
    ...mapped
      .filter((m) => !METHODS.some((b) => b.value === m))
      .map((m) => ({ value: m, label: methodLabel(m) })),
  ]
  const [paymentId, setPaymentId] = useState<string>("")
  const [date, setDate] = useState(todayIso())
  const [reference, setReference] = useState("")
  const [payTo, setPayTo] = useState("")
  const [memo, setMemo] = useState("")
  const [reasonCode, setReasonCode] = useState("")
  const [attempted, setAttempted] = useState(false)
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey())

  useEffect(() => {
    if (open) {
      setSelected({})
      setIdempotencyKey(newIdempotencyKey())
      setDate(todayIso())
      setReference("")
      setPayTo("")
      setMemo("")
      setReasonCode("")
      setPaymentId("")
      setMethod("check")
      setAttempted(false)
      submit.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])
  useEffect(() => {
    if (!currencyCode && currencies.length) {
      setCurrencyCode(currencies[0])
    }
  }, [currencies.join(","), currencyCode])

  const shown = all.filter((c) => c.currency_code === currencyCode)
  const chosen = shown.filter((c) => selected[keyOf(c)] !== undefined)
  const cardPayments = payments.filter((p) => p.currency_code === currencyCode)

  const submit = useAccountingMutation(
    (post: boolean) =>
      accounting.refunds.create(
        {
          customer_id: customerId,
          currency_code: currencyCode,
          refund_date: date,
          method,
          payment_id: method === "card" ? paymentId : undefined,
          reference: reference.trim() || undefined,
          pay_to: payTo.trim() || undefined,
          memo: memo.trim() || undefined,
          reason_code: reasonCode || undefined,
          lines: chosen.map((c) => ({
            source_type: c.source_type,
            source_id: c.source_id,
            amount: selected[keyOf(c)].trim(),
          })),
          post,
        },
        idempotencyKey
      ),
    {
      codeFields: {
        REFUND_EXCEEDS_CREDIT: "lines",
        CREDIT_NOT_AVAILABLE: "lines",
        PRECISION_EXCEEDED: "lines",
        PAYMENT_REQUIRED: "payment_id",
        PERIOD_CLOSED: "refund_date",
        DATE_BEFORE_ORIGINAL: "refund_date",
        UNKNOWN_REASON_CODE: "reason_code",
        REASON_CODE_REQUIRED: "reason_code",
      },
    }
  )

  /** Each amount against what remains of its credit, in exact decimals, before anything is sent. */
  const clientErrors = useMemo(() => {
    const errors: Record<string, string> = {}
    if (!chosen.length) {
      errors.lines = "Tick at least one credit to refund"
    }
    chosen.forEach((c, i) => {
      const parsed = parseAmount(selected[keyOf(c)], currencyCode)
      if (!parsed.amount) {
        errors[`lines.${i}.amount`] = parsed.error
      } else if (parsed.amount.gt(toDecimal(c.remaining_amount))) {
        errors[`lines.${i}.amount`] = `At most ${formatMoney(c.remaining_amount, c.currency_code)} remains`
      }
    })
    if (method === "card" && !paymentId) {
      errors.payment_id = "Choose the card payment to refund"
    }
    if (!date) {
      errors.refund_date = "Enter the refund date"
    }
    return errors
  }, [chosen, selected, currencyCode, method, paymentId, date])
  const errors: Record<string, string> = { ...(attempted ? clientErrors : {}), ...(submit.failure?.fields ?? {}) }
  const lineError = (c: AvailableCredit) => {
    const i = chosen.indexOf(c)
    return i >= 0 ? errors[`lines.${i}.amount`] : undefined
  }
  const total = sumMoney(chosen.map((c) => parseAmount(selected[keyOf(c)], currencyCode).amount?.toString() ?? "0"))

  const send = (post: boolean) => {
    setAttempted(true)
    if (Object.keys(clientErrors).length) {
      return
    }
    submit.mutate(post, {
      onSuccess: (result) => {
        onOpenChange(false)
        onDone(result)
      },
    })
  }
  const touch = <T,>(set: (v: T) => void) => (v: T) => {
    submit.reset()
    set(v)
  }

  return (
    <DraftFormModal
      open={open}
      onOpenChange={onOpenChange}
      title="Refund credits"
      description="Pay the customer back from the credits they have. Only credits are listed: what an order still owes is never refundable."
      width="max-w-[800px]"
      onSubmit={send}
      isPending={submit.isPending}
      canSaveDraft={can("customer_refunds:add") && !!currencyCode}
      canFinish={can("customer_refunds:add") && can("customer_refunds:post") && !!currencyCode}
      finishLabel="Post refund"
      finishTestId="refund-post"
      error={submit.failure?.message}
    >
      <div className="grid grid-cols-3 gap-4">
        <Field label="Currency">
          {(control) => (
            <Select value={currencyCode} onValueChange={touch(setCurrencyCode)}>
              <Select.Trigger {...control}>
                <Select.Value placeholder="Currency" />
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
        <Field label="Method">
          {(control) => (
            <Select value={method} onValueChange={(v) => touch(setMethod)(v as RefundMethod)}>
              <Select.Trigger {...control} data-testid="refund-method">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {methods.map((m) => (
                  <Select.Item key={m.value} value={m.value}>
                    {m.label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          )}
        </Field>
        <DateField
          label="Refund date"
          value={date}
          onChange={touch(setDate)}
          error={errors.refund_date}
          data-testid="refund-date"
        />
      </div>
      {method === "card" && (
        <Field label="Card payment to refund" error={errors.payment_id}>
          {(control) => (
            <Select value={paymentId} onValueChange={touch(setPaymentId)}>
              <Select.Trigger {...control} data-testid="refund-payment">
                <Select.Value
                  placeholder={cardPayments.length ? "Choose a payment" : "No captured payment in this currency"}
                />
              </Select.Trigger>
              <Select.Content>
                {cardPayments.map((p) => (
                  <Select.Item key={p.id} value={p.id}>
                    Order {orderLabel({ id: p.order_id, display_id: p.order_display_id })} ·{" "}
                    {formatMoney(p.refundable, p.currency_code)} refundable
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          )}
        </Field>
      )}
      {method === "store_credit" && (
        <Text size="small" className="text-ui-fg-subtle">
          The amount is added to the customer's store credit balance, which they can spend at checkout.
        </Text>
      )}
      <div className="flex flex-col gap-y-2">
        <Text size="small" weight="plus">
          Available credits
        </Text>
        {credits.error ? (
          <FieldError>The customer's credits could not be loaded. Close and try again.</FieldError>
        ) : (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>
                  <span className="sr-only">Refund this credit</span>
                </Table.HeaderCell>
                <Table.HeaderCell>Credit</Table.HeaderCell>
                <Table.HeaderCell>Document</Table.HeaderCell>
                <Table.HeaderCell>Date</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Remaining</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Refund</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {credits.isLoading && (
                <Table.Row>
                  <Table.Cell>Loading…</Table.Cell>
                </Table.Row>
              )}
              {!credits.isLoading && !shown.length && (
                <Table.Row>
                  <Table.Cell className="text-ui-fg-muted">
                    This customer has no credit to refund in this currency.
                  </Table.Cell>
                </Table.Row>
              )}
              {shown.map((c) => {
                const k = keyOf(c)
                const checked = selected[k] !== undefined
                const error = lineError(c)
                return (
                  <Table.Row key={k} data-testid="available-credit">
                    <Table.Cell>
                      <Checkbox
                        checked={checked}
                        aria-label={`Refund ${documentOf(c)}`}
                        onCheckedChange={(v) => {
                          submit.reset()
                          setSelected((s) => {
                            const next = { ...s }
                            if (v) {
                              next[k] = toInputAmount(c.remaining_amount, c.currency_code)
                            } else {
                              delete next[k]
                            }
                            return next
                          })
                        }}
                      />
                    </Table.Cell>
                    <Table.Cell>{creditSourceLabel(c.source_type)}</Table.Cell>
                    <Table.Cell>{documentOf(c)}</Table.Cell>
                    <Table.Cell>{formatDate(c.document_date)}</Table.Cell>
                    <Table.Cell className="text-right">
                      <Money amount={c.remaining_amount} currency={c.currency_code} />
                    </Table.Cell>
                    <Table.Cell className="w-[170px] py-1">
                      <Input
                        size="small"
                        inputMode="decimal"
                        aria-label={`Amount to refund from ${documentOf(c)}`}
                        aria-invalid={!!error}
                        aria-describedby={error ? `refund-line-${c.source_id}-error` : undefined}
                        disabled={!checked}
                        value={selected[k] ?? ""}
                        onChange={(e) => {
                          submit.reset()
                          setSelected((s) => ({ ...s, [k]: e.target.value }))
                        }}
                        data-testid="refund-line-amount"
                      />
                      {error && <FieldError id={`refund-line-${c.source_id}-error`}>{error}</FieldError>}
                    </Table.Cell>
                  </Table.Row>
                )
              })}
            </Table.Body>
          </Table>
        )}
        <div className="flex items-center justify-between">
          <div>{errors.lines && <FieldError>{errors.lines}</FieldError>}</div>
          <Text weight="plus" data-testid="refund-total">
            Total {formatMoney(total.toString(), currencyCode || "usd")}
          </Text>
        </div>
      </div>
      <div className="grid grid-cols-2 gap-4">
        <TextField
          label="Reference (check number, transfer id)"
          value={reference}
          onChange={touch(setReference)}
          error={errors.reference}
          data-testid="refund-reference"
        />
        <TextField label="Pay to" value={payTo} onChange={touch(setPayTo)} error={errors.pay_to} />
        <ReasonCodeField
          type="customer_refund"
          value={reasonCode}
          onChange={touch(setReasonCode)}
          error={errors.reason_code}
          data-testid="refund-reason-code"
        />
      </div>
      <TextAreaField label="Memo" value={memo} onChange={touch(setMemo)} error={errors.memo} />
    </DraftFormModal>
  )
}
