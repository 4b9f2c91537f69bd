import { Input, Label, Text, Textarea, clx } from "@medusajs/ui"
import { useId, type ReactNode } from "react"

/**
 * A labelled control with its hint and its error right under it (in plain
 * words), wired for screen readers: the label's `for`, `aria-invalid` and
 * `aria-describedby`. `children` receives the props the control needs.
 */
export const Field = ({
  label,
  error,
  hint,
  className,
  children,
}: {
  label: string
  error?: string | null
  hint?: ReactNode
  className?: string
  children: (control: {
    id: string
    "aria-invalid": boolean
    "aria-describedby": string | undefined
  }) => ReactNode
}) => {
  const id = useId()
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ")
  return (
    <div className={clx("flex flex-col gap-y-1", className)}>
      <Label size="small" weight="plus" htmlFor={id}>
        {label}
      </Label>
      {children({ id, "aria-invalid": !!error, "aria-describedby": described || undefined })}
      {hint && !error && (
        <Text id={`${id}-hint`} size="xsmall" className="text-ui-fg-subtle">
          {hint}
        </Text>
      )}
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
    </div>
  )
}

export const FieldError = ({ id, children }: { id?: string; children: ReactNode }) => (
  <Text id={id} size="xsmall" className="text-ui-fg-error" role="alert" data-testid="field-error">
    {children}
  </Text>
)

export const TextField = ({
  label,
  value,
  onChange,
  error,
  hint,
  placeholder,
  className,
  "data-testid": testId,
}: {
  label: string
  value: string
  onChange: (value: string) => void
  error?: string | null
  hint?: ReactNode
  placeholder?: string
  className?: string
  "data-testid"?: string
}) => (
  <Field label={label} error={error} hint={hint} className={className}>
    {(control) => (
      <Input
        {...control}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
    )}
  </Field>
)

export const TextAreaField = ({
  label,
  value,
  onChange,
  error,
  hint,
  placeholder,
  "data-testid": testId,
}: {
  label: string
  value: string
  onChange: (value: string) => void
  error?: string | null
  hint?: ReactNode
  placeholder?: string
  "data-testid"?: string
}) => (
  <Field label={label} error={error} hint={hint}>
    {(control) => (
      <Textarea
        {...control}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
    )}
  </Field>
)

/** A date input; the value is the yyyy-mm-dd the API takes. */
export const DateField = ({
  label,
  value,
  onChange,
  error,
  hint,
  "data-testid": testId,
}: {
  label: string
  value: string
  onChange: (value: string) => void
  error?: string | null
  hint?: ReactNode
  "data-testid"?: string
}) => (
  <Field label={label} error={error} hint={hint}>
    {(control) => (
      <Input {...control} type="date" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
    )}
  </Field>
)
