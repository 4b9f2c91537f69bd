import { Input, Label } from "@medusajs/ui"

/** A labelled date input; the value is the yyyy-mm-dd the API takes. */
export const DateField = ({
  label,
  value,
  onChange,
  "data-testid": testId,
}: {
  label: string
  value: string
  onChange: (value: string) => void
  "data-testid"?: string
}) => (
  <div>
    <Label size="small">{label}</Label>
    <Input type="date" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
  </div>
)
