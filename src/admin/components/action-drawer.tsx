import { Button, Checkbox, Drawer, Label } from "@medusajs/ui"
import { useEffect, useId, useState, type ReactNode } from "react"
import type { DescribedError } from "../lib/errors"
import { todayIso } from "../lib/format"
import { DateField, FieldError, TextAreaField } from "./form-field"
import { ActionError } from "./notice"

export type ActionInput = { date: string; reason?: string; record_only?: boolean; option?: boolean }

type Props = {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description: ReactNode
  confirmLabel: string
  /** Ask for the date the action is booked on (void, reversal). */
  askDate?: boolean
  /** Ask why (or another text the action needs); `required` refuses to confirm without one, saying `missing`. */
  reason?: { label: string; required: boolean; hint?: string; missing?: string }
  /** Money already left: the user confirms the void only corrects the books. */
  recordOnly?: { label: string }
  /** An optional choice (e.g. force a close past its checklist), off by default. */
  option?: { label: string }
  /** Shown under the description: a checklist, or fields of the action's own (a reversal's kind). */
  children?: ReactNode
  onConfirm: (input: ActionInput) => void
  isPending?: boolean
  /** The refusal of the last attempt, on its field or beside the button. */
  failure?: DescribedError | null
  danger?: boolean
}

/**
 * A guarded action in a drawer: what will happen, the date it is booked on,
 * the reason (kept in the audit trail), and the confirmation; a refusal is
 * shown on the field it is about or right above the button.
 */
export const ActionDrawer = ({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  askDate,
  reason,
  recordOnly,
  option,
  children,
  onConfirm,
  isPending,
  failure,
  danger = true,
}: Props) => {
  const [date, setDate] = useState(todayIso())
  const [why, setWhy] = useState("")
  const [confirmed, setConfirmed] = useState(false)
  const [chosen, setChosen] = useState(false)
  const [attempted, setAttempted] = useState(false)
  const checkboxId = useId()
  const optionId = useId()
  useEffect(() => {
    if (open) {
      setDate(todayIso())
      setWhy("")
      setConfirmed(false)
      setChosen(false)
      setAttempted(false)
    }
  }, [open])

  const errors: Record<string, string> = {}
  if (attempted && askDate && !date) {
    errors.date = "Enter the date"
  }
  if (attempted && reason?.required && !why.trim()) {
    errors.reason = reason.missing ?? "Say why (it is kept in the audit trail)"
  }
  if (attempted && recordOnly && !confirmed) {
    errors.record_only = "Confirm that only the books change"
  }
  const fields = { ...errors, ...(failure?.fields ?? {}) }
  const general = failure && !Object.keys(failure.fields).length ? failure.message : null

  const confirm = () => {
    setAttempted(true)
    if ((askDate && !date) || (reason?.required && !why.trim()) || (recordOnly && !confirmed)) {
      return
    }
    onConfirm({
      date,
      ...(reason && why.trim() && { reason: why.trim() }),
      ...(recordOnly && { record_only: true }),
      ...(option && chosen && { option: true }),
    })
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{title}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          {/* Drawer.Description renders its own paragraph. */}
          <Drawer.Description className="txt-small text-ui-fg-subtle">{description}</Drawer.Description>
          {children}
          {askDate && (
            <DateField label="Date" value={date} onChange={setDate} error={fields.date} data-testid="action-date" />
          )}
          {recordOnly && (
            <div className="flex flex-col gap-y-1">
              <div className="flex items-start gap-x-2">
                <Checkbox
                  id={checkboxId}
                  checked={confirmed}
                  onCheckedChange={(v) => setConfirmed(!!v)}
                  data-testid="action-record-only"
                />
                <Label htmlFor={checkboxId} size="small">
                  {recordOnly.label}
                </Label>
              </div>
              {fields.record_only && <FieldError>{fields.record_only}</FieldError>}
            </div>
          )}
          {option && (
            <div className="flex items-start gap-x-2">
              <Checkbox
                id={optionId}
                checked={chosen}
                onCheckedChange={(v) => setChosen(!!v)}
                data-testid="action-option"
              />
              <Label htmlFor={optionId} size="small">
                {option.label}
              </Label>
            </div>
          )}
          {reason && (
            <TextAreaField
              label={reason.required ? reason.label : `${reason.label} (optional)`}
              hint={reason.hint}
              value={why}
              onChange={setWhy}
              error={fields.reason}
              data-testid="action-reason"
            />
          )}
        </Drawer.Body>
        <Drawer.Footer className="flex-col items-stretch gap-y-2">
          <ActionError message={general} />
          <div className="flex justify-end gap-x-2">
            <Drawer.Close asChild>
              <Button size="small" variant="secondary">
                Cancel
              </Button>
            </Drawer.Close>
            <Button
              size="small"
              variant={danger ? "danger" : "primary"}
              isLoading={isPending}
              onClick={confirm}
              data-testid="action-confirm"
            >
              {confirmLabel}
            </Button>
          </div>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
