import { Select } from "@medusajs/ui"
import { methodLabel } from "../lib/format"
import { Field } from "./form-field"

/** How money moves (check, EFT, cash…), each by its label: one choice of `methods`. */
export const MethodField = ({
  methods,
  value,
  onChange,
  error,
  "data-testid": testId,
}: {
  methods: readonly string[]
  value: string
  onChange: (method: string) => void
  error?: string | null
  "data-testid"?: string
}) => (
  <Field label="Method" error={error}>
    {(control) => (
      <Select value={value} onValueChange={onChange}>
        <Select.Trigger {...control} data-testid={testId}>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          {methods.map((m) => (
            <Select.Item key={m} value={m}>
              {methodLabel(m)}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    )}
  </Field>
)
