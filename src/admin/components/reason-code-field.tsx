import { Select } from "@medusajs/ui"
import { useReasonCodes } from "../hooks/accounting"
import type { ReasonCodeDocumentType } from "../../types/http"
import { Field } from "./form-field"

// Radix's Select has no empty value: "none" stands for "no reason code".
const NONE = "__none"

/**
 * The reason code of a memo, refund or write-off: the active codes of the
 * type's list (settings → Reason codes), and "None" unless the store
 * requires one. The value is the code, or "" for none.
 */
export const ReasonCodeField = ({
  type,
  value,
  onChange,
  error,
  "data-testid": testId = "reason-code",
}: {
  type: ReasonCodeDocumentType
  value: string
  onChange: (code: string) => void
  error?: string | null
  "data-testid"?: string
}) => {
  const { data } = useReasonCodes()
  const config = data?.reason_codes[type]
  const codes = config?.codes.filter((c) => c.active || c.code === value) ?? []
  return (
    <Field label={config?.required ? "Reason code" : "Reason code (optional)"} error={error}>
      {(control) => (
        <Select value={value || NONE} onValueChange={(v) => onChange(v === NONE ? "" : v)}>
          <Select.Trigger {...control} data-testid={testId}>
            <Select.Value placeholder="Choose a reason" />
          </Select.Trigger>
          <Select.Content>
            {!config?.required && <Select.Item value={NONE}>None</Select.Item>}
            {codes.map((c) => (
              <Select.Item key={c.code} value={c.code} data-testid={`reason-code-option-${c.code}`}>
                {c.label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      )}
    </Field>
  )
}
