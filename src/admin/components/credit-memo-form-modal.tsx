import { Button, IconButton, Input, Label, Select, Text } from "@medusajs/ui"
import { Trash } from "@medusajs/icons"
import { useEffect, useState } from "react"
import type { CreditMemoLine } from "../../sdk/accounting-client"
import { accounting } from "../lib/sdk"
import { formatMoney, todayIso } from "../lib/format"
import { useAccountingMutation, usePermissions } from "../hooks/accounting"
import { DateField } from "./date-field"
import { DraftFormModal } from "./draft-form-modal"

type Props = {
  customerId: string
  currency: string
  orderId?: string | null
  open: boolean
  onOpenChange: (open: boolean) => void
}

const emptyLine = (): CreditMemoLine => ({ kind: "item", description: "", amount: "", tax_amount: "" })

/** "Create credit memo": reason, date and lines (item / shipping / adjustment with tax); save or issue. */
export const CreditMemoFormModal = ({ customerId, currency, orderId, open, onOpenChange }: Props) => {
  const { can } = usePermissions()
  const [date, setDate] = useState(todayIso())
  const [reason, setReason] = useState("")
  const [lines, setLines] = useState<CreditMemoLine[]>([emptyLine()])
  useEffect(() => {
    if (open) {
      setDate(todayIso())
      setReason("")
      setLines([emptyLine()])
    }
  }, [open])

  const total = lines.reduce((acc, l) => acc + (Number(l.amount) || 0) + (Number(l.tax_amount) || 0), 0)
  const save = useAccountingMutation(
    async (issue: boolean) => {
      const { credit_memo } = await accounting.creditMemos.create({
        customer_id: customerId,
        order_id: orderId,
        currency_code: currency,
        date,
        reason,
        lines: lines.map((l) => ({ ...l, tax_amount: l.tax_amount || undefined })),
      })
      return issue ? accounting.creditMemos.issue(credit_memo.id) : { credit_memo }
    },
    (r) =>
      `Credit memo ${r.credit_memo.number ?? "draft"} ${r.credit_memo.status === "issued" ? "issued" : "saved"}`
  )
  const valid = !!reason.trim() && lines.every((l) => l.description.trim() && Number(l.amount) > 0)
  const setLine = (i: number, patch: Partial<CreditMemoLine>) =>
    setLines((ls) => ls.map((l, j) => (i === j ? { ...l, ...patch } : l)))

  return (
    <DraftFormModal
      open={open}
      onOpenChange={onOpenChange}
      title="Create credit memo"
      description={`Lowers what the customer owes (${currency.toUpperCase()}${orderId ? ", for this order" : ""}). Issuing posts it and gives it its number.`}
      width="max-w-[720px]"
      submit={save}
      canSaveDraft={valid && can("credit_memos:add")}
      canFinish={valid && can("credit_memos:add") && can("credit_memos:issue")}
      finishLabel="Issue"
    >
      <div className="grid grid-cols-3 gap-4">
        <DateField label="Date" value={date} onChange={setDate} />
        <div className="col-span-2">
          <Label size="small">Reason</Label>
          <Input
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="Damaged on arrival"
          />
        </div>
      </div>
      <div className="flex flex-col gap-y-2">
        <Label size="small">Lines</Label>
        {lines.map((line, i) => (
          <div key={i} className="grid grid-cols-[120px_1fr_110px_110px_32px] items-center gap-2">
            <Select
              value={line.kind}
              onValueChange={(v) => setLine(i, { kind: v as CreditMemoLine["kind"] })}
            >
              <Select.Trigger>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="item">Item</Select.Item>
                <Select.Item value="shipping">Shipping</Select.Item>
                <Select.Item value="adjustment">Adjustment</Select.Item>
              </Select.Content>
            </Select>
            <Input
              placeholder="Description"
              value={line.description}
              onChange={(e) => setLine(i, { description: e.target.value })}
            />
            <Input
              placeholder="Amount"
              inputMode="decimal"
              value={String(line.amount)}
              onChange={(e) => setLine(i, { amount: e.target.value })}
            />
            <Input
              placeholder="Tax"
              inputMode="decimal"
              value={String(line.tax_amount ?? "")}
              onChange={(e) => setLine(i, { tax_amount: e.target.value })}
            />
            <IconButton
              size="small"
              variant="transparent"
              disabled={lines.length === 1}
              onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
            >
              <Trash />
            </IconButton>
          </div>
        ))}
        <div className="flex items-center justify-between">
          <Button size="small" variant="secondary" onClick={() => setLines((ls) => [...ls, emptyLine()])}>
            Add line
          </Button>
          <Text weight="plus">Total {formatMoney(total, currency)}</Text>
        </div>
      </div>
    </DraftFormModal>
  )
}
