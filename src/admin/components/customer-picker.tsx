import { Input, Select } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { sdk } from "../lib/sdk"
import { Field } from "./form-field"

const nameOf = (c: { first_name?: string | null; last_name?: string | null; email: string }) =>
  [c.first_name, c.last_name].filter(Boolean).join(" ") || c.email

/** Waits for the typing to pause before searching (one request per pause, not per keystroke). */
function useDebounced<T>(value: T, ms = 300) {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}

/** Finds a customer by name or email (Medusa's own customer API) and picks one. */
export const CustomerPicker = ({
  value,
  onChange,
  error,
}: {
  value: string
  onChange: (id: string) => void
  error?: string | null
}) => {
  const [q, setQ] = useState("")
  const search = useDebounced(q)
  const { data, isError } = useQuery({
    queryKey: ["accounting", "customer-search", search],
    queryFn: () =>
      sdk.admin.customer.list({ q: search || undefined, limit: 20, fields: "id,email,first_name,last_name" }),
  })
  return (
    <div className="grid grid-cols-2 gap-4">
      <Field label="Find customer" hint="Name or email">
        {(control) => (
          <Input
            {...control}
            type="search"
            placeholder="e.g. Ada or ada@example.com"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            data-testid="customer-search"
          />
        )}
      </Field>
      <Field label="Customer" error={error ?? (isError ? "Customers could not be loaded" : null)}>
        {(control) => (
          <Select value={value} onValueChange={onChange}>
            <Select.Trigger {...control} data-testid="customer-select">
              <Select.Value placeholder="Choose a customer" />
            </Select.Trigger>
            <Select.Content>
              {(data?.customers ?? []).map((c) => (
                <Select.Item key={c.id} value={c.id}>
                  {nameOf(c)} · {c.email}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        )}
      </Field>
    </div>
  )
}

export { useDebounced }
