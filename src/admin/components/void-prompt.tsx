import { Button, Checkbox, Drawer, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { todayIso } from "../lib/format"
import { DateField } from "./date-field"

type Props = {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description: string
  /** Card and store-credit refunds already moved money: the void only corrects the books. */
  recordOnly?: boolean
  onConfirm: (input: { date: string; record_only?: boolean }) => void
  isPending?: boolean
}

/** Asks for the void (or reversal) date before anything is posted. */
export const VoidPrompt = ({
  open,
  onOpenChange,
  title,
  description,
  recordOnly,
  onConfirm,
  isPending,
}: Props) => {
  const [date, setDate] = useState(todayIso())
  const [confirmed, setConfirmed] = useState(false)
  useEffect(() => {
    if (open) {
      setDate(todayIso())
      setConfirmed(false)
    }
  }, [open])
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{title}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          <Text size="small" className="text-ui-fg-subtle">
            {description}
          </Text>
          <DateField label="Date" value={date} onChange={setDate} data-testid="void-date" />
          {recordOnly && (
            <label className="flex items-start gap-x-2">
              <Checkbox checked={confirmed} onCheckedChange={(v) => setConfirmed(!!v)} />
              <Text size="small">
                The money already left through the payment provider or store credit and is not taken back:
                record the void in the books only.
              </Text>
            </label>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              Cancel
            </Button>
          </Drawer.Close>
          <Button
            size="small"
            variant="danger"
            isLoading={isPending}
            disabled={recordOnly && !confirmed}
            onClick={() => onConfirm({ date, ...(recordOnly ? { record_only: true } : {}) })}
            data-testid="void-confirm"
          >
            Confirm
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
