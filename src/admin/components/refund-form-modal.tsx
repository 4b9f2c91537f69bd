import { Checkbox, Input, Label, Select, Table, Text, Textarea } from "@medusajs/ui"
import { useEffect, useState } from "react"
import type { AvailableCredit, RefundMethod, RefundablePayment } from "../../sdk/accounting-client"
import { accounting } from "../lib/sdk"
import { formatMoney, newIdempotencyKey, todayIso } from "../lib/format"
import { useAccountingMutation, useAvailableCredits, usePermissions, useSettings } from "../hooks/accounting"
import { DateField } from "./date-field"
import { DraftFormModal } from "./draft-form-modal"
import { Money } from "./money"

const METHODS: { value: RefundMethod; label: string }[] = [
  { value: "card", label: "Card (refund the Medusa payment)" },
  { value: "store_credit", label: "Store credit" },
  { value: "check", label: "Check" },
  { value: "eft", label: "EFT / wire" },
  { value: "cash", label: "Cash" },
  { value: "record_transfer", label: "Record transfer (paid elsewhere)" },
]

const SOURCE_LABELS: Record<string, string> = {
  credit_memo: "Credit memo",
  overpayment: "Overpayment",
  negative_invoice: "Negative adjustment",
  store_credit: "Store credit",
}

type Props = {
  customerId: string
  currency?: string | null
  payments?: RefundablePayment[]
  open: boolean
  onOpenChange: (open: boolean) => void
}

/**
 * "Refund credits": pick the customer's credits (what remains of each), the
 * amounts, method, date and reference; save a draft or post at once. One
 * idempotency key per opening, so a double click posts once.
 */
export const RefundFormModal = ({ customerId, currency, payments = [], open, onOpenChange }: Props) => {
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
    ...mapped.filter((m) => !METHODS.some((b) => b.value === m)).map((m) => ({ value: m, label: m })),
  ]
  const [paymentId, setPaymentId] = useState<string>("")
  const [date, setDate] = useState(todayIso())
  const [reference, setReference] = useState("")
  const [payTo, setPayTo] = useState("")
  const [memo, setMemo] = useState("")
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey())

  useEffect(() => {
    if (open) {
      setSelected({})
      setIdempotencyKey(newIdempotencyKey())
      setDate(todayIso())
    }
  }, [open])
  useEffect(() => {
    if (!currencyCode && currencies.length) {
      setCurrencyCode(currencies[0])
    }
  }, [currencies.join(","), currencyCode])

  const shown = all.filter((c) => c.currency_code === currencyCode)
  const cardPayments = payments.filter((p) => p.currency_code === currencyCode)
  const key = (c: AvailableCredit) => `${c.source_type}:${c.source_id}`
  const total = Object.values(selected).reduce((acc, v) => acc + (Number(v) || 0), 0)

  const submit = useAccountingMutation(
    (post: boolean) =>
      accounting.refunds.create(
        {
          customer_id: customerId,
          currency_code: currencyCode,
          refund_date: date,
          method,
          payment_id: method === "card" ? paymentId : undefined,
          reference: reference || undefined,
          pay_to: payTo || undefined,
          memo: memo || undefined,
          lines: shown
            .filter((c) => selected[key(c)] !== undefined)
            .map((c) => ({ source_type: c.source_type, source_id: c.source_id, amount: selected[key(c)] })),
          post,
        },
        idempotencyKey
      ),
    (r) =>
      `Refund ${r.customer_refund.number ?? "draft"} ${r.customer_refund.status === "posted" ? "posted" : "saved"}`
  )

  const canSubmit = total > 0 && !!currencyCode && (method !== "card" || !!paymentId) && !submit.isPending

  return (
    <DraftFormModal
      open={open}
      onOpenChange={onOpenChange}
      title="Refund credits"
      description="Pay the customer back from the credits they have. Only credits are listed: what an order still owes is never refundable."
      width="max-w-[760px]"
      submit={submit}
      canSaveDraft={canSubmit && can("customer_refunds:add")}
      canFinish={canSubmit && can("customer_refunds:add") && can("customer_refunds:post")}
      finishLabel="Post refund"
      finishTestId="refund-post"
    >
      <div className="grid grid-cols-3 gap-4">
        <div>
          <Label size="small">Currency</Label>
          <Select value={currencyCode} onValueChange={setCurrencyCode}>
            <Select.Trigger>
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
        </div>
        <div>
          <Label size="small">Method</Label>
          <Select value={method} onValueChange={(v) => setMethod(v as RefundMethod)}>
            <Select.Trigger data-testid="refund-method">
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
        </div>
        <DateField label="Refund date" value={date} onChange={setDate} data-testid="refund-date" />
      </div>
      {method === "card" && (
        <div>
          <Label size="small">Card payment to refund</Label>
          <Select value={paymentId} onValueChange={setPaymentId}>
            <Select.Trigger>
              <Select.Value
                placeholder={
                  cardPayments.length ? "Choose a payment" : "No captured payment in this currency"
                }
              />
            </Select.Trigger>
            <Select.Content>
              {cardPayments.map((p) => (
                <Select.Item key={p.id} value={p.id}>
                  Order #{p.order_display_id ?? p.order_id} · {formatMoney(p.refundable, p.currency_code)}{" "}
                  refundable
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      )}
      <div>
        <Label size="small">Available credits</Label>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell />
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
              const k = key(c)
              const checked = selected[k] !== undefined
              return (
                <Table.Row key={k} data-testid="available-credit">
                  <Table.Cell>
                    <Checkbox
                      checked={checked}
                      onCheckedChange={(v) =>
                        setSelected((s) => {
                          const next = { ...s }
                          if (v) {
                            next[k] = String(c.remaining_amount)
                          } else {
                            delete next[k]
                          }
                          return next
                        })
                      }
                    />
                  </Table.Cell>
                  <Table.Cell>{SOURCE_LABELS[c.source_type]}</Table.Cell>
                  <Table.Cell>{c.document_number ?? c.source_id}</Table.Cell>
                  <Table.Cell>{c.document_date ?? "–"}</Table.Cell>
                  <Table.Cell className="text-right">
                    <Money amount={c.remaining_amount} currency={c.currency_code} />
                  </Table.Cell>
                  <Table.Cell className="w-[140px]">
                    <Input
                      size="small"
                      inputMode="decimal"
                      disabled={!checked}
                      value={selected[k] ?? ""}
                      onChange={(e) => setSelected((s) => ({ ...s, [k]: e.target.value }))}
                    />
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
        <div className="flex justify-end pt-2">
          <Text weight="plus">Total {formatMoney(total, currencyCode)}</Text>
        </div>
      </div>
      <div className="grid grid-cols-2 gap-4">
        <div>
          <Label size="small">Reference (check number, transfer id)</Label>
          <Input
            value={reference}
            onChange={(e) => setReference(e.target.value)}
            data-testid="refund-reference"
          />
        </div>
        <div>
          <Label size="small">Pay to</Label>
          <Input value={payTo} onChange={(e) => setPayTo(e.target.value)} />
        </div>
      </div>
      <div>
        <Label size="small">Memo</Label>
        <Textarea value={memo} onChange={(e) => setMemo(e.target.value)} />
      </div>
    </DraftFormModal>
  )
}
