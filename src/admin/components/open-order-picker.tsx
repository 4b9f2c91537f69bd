import { Select } from "@medusajs/ui"
import type { OpenOrder } from "../../sdk/accounting-client"
import { formatDate, orderLabel } from "../lib/format"
import { formatMoney } from "../lib/money"
import { Field } from "./form-field"

export const openOrderText = (o: OpenOrder) =>
  `${orderLabel({ id: o.order_id, display_id: o.display_id })} · ${formatDate(o.date)} · ${formatMoney(o.open_amount, o.currency_code)} open`

/** Picks one of the customer's orders that still owe something: number, date and open amount. */
export const OpenOrderPicker = ({
  orders,
  value,
  onChange,
  error,
  loading,
}: {
  orders: OpenOrder[]
  value: string
  onChange: (orderId: string) => void
  error?: string | null
  loading?: boolean
}) => (
  <Field
    label="Order"
    error={error}
    hint={!loading && !orders.length ? "This customer has no open order in this currency." : undefined}
  >
    {(control) => (
      <Select value={value} onValueChange={onChange} disabled={!orders.length}>
        <Select.Trigger {...control} data-testid="open-order-select">
          <Select.Value placeholder={loading ? "Loading orders…" : "Choose an open order"} />
        </Select.Trigger>
        <Select.Content>
          {orders.map((o) => (
            <Select.Item key={o.order_id} value={o.order_id}>
              {openOrderText(o)}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    )}
  </Field>
)
