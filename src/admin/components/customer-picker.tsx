import { Input, Label, Select } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { sdk } from "../lib/sdk"

/** Finds a customer by name or email (Medusa's own customer API). */
export const CustomerPicker = ({ value, onChange }: { value: string; onChange: (id: string) => void }) => {
  const [q, setQ] = useState("")
  const { data } = useQuery({
    queryKey: ["accounting", "customer-search", q],
    queryFn: () =>
      sdk.admin.customer.list({ q: q || undefined, limit: 20, fields: "id,email,first_name,last_name" }),
  })
  return (
    <div className="grid grid-cols-2 gap-2">
      <div>
        <Label size="small">Find customer</Label>
        <Input placeholder="Name or email" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <div>
        <Label size="small">Customer</Label>
        <Select value={value} onValueChange={onChange}>
          <Select.Trigger data-testid="customer-select">
            <Select.Value placeholder="Choose" />
          </Select.Trigger>
          <Select.Content>
            {(data?.customers ?? []).map((c) => (
              <Select.Item key={c.id} value={c.id}>
                {[c.first_name, c.last_name].filter(Boolean).join(" ") || c.email} · {c.email}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
    </div>
  )
}
