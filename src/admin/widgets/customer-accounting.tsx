import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { AgingBars } from "../components/aging-bars"
import { Money } from "../components/money"
import { RefundFormModal } from "../components/refund-form-modal"
import { DocumentLine, Empty, Loading, Section, SubSection } from "../components/section"
import { useAvailableCredits, useCustomerAccounting, usePermissions } from "../hooks/accounting"

const SOURCE_LABELS: Record<string, string> = {
  credit_memo: "Credit memos",
  overpayment: "Overpayments",
  negative_invoice: "Negative adjustments",
  store_credit: "Store credit",
}

/** Open balance, available credits by source, a small aging and the latest refunds. */
const CustomerAccountingWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading } = useCustomerAccounting(customer.id)
  const credits = useAvailableCredits(customer.id)
  const { can } = usePermissions()
  const [refundOpen, setRefundOpen] = useState(false)
  const summary = data?.customer_accounting
  const bySource = new Map<string, { currency: string; amount: number }[]>()
  for (const c of credits.data?.available_credits ?? []) {
    const list = bySource.get(c.source_type) ?? []
    const existing = list.find((x) => x.currency === c.currency_code)
    if (existing) {
      existing.amount += c.remaining_amount
    } else {
      list.push({ currency: c.currency_code, amount: c.remaining_amount })
    }
    bySource.set(c.source_type, list)
  }

  return (
    <Section
      title="Accounting"
      subtitle="Receivables, credits and refunds"
      actions={
        <Button
          size="small"
          variant="secondary"
          disabled={!can("customer_refunds:add") || !credits.data?.count}
          onClick={() => setRefundOpen(true)}
        >
          Refund credits
        </Button>
      }
    >
      {isLoading && <Loading />}
      {summary && !summary.balances.length && (
        <Empty>Nothing in accounts receivable for this customer.</Empty>
      )}
      {!!summary?.balances.length && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Currency</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Owed</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Credits</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Open balance</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {summary.balances.map((b) => (
              <Table.Row key={b.currency_code}>
                <Table.Cell>{b.currency_code.toUpperCase()}</Table.Cell>
                <Table.Cell className="text-right">
                  <Money amount={b.owed} currency={b.currency_code} />
                </Table.Cell>
                <Table.Cell className="text-right">
                  <Money amount={-Number(b.credits)} currency={b.currency_code} />
                </Table.Cell>
                <Table.Cell className="text-right">
                  <Money amount={b.open_balance} currency={b.currency_code} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {bySource.size > 0 && (
        <SubSection title="Available credits">
          {[...bySource.entries()].map(([source, list]) => (
            <div key={source} className="flex items-center justify-between">
              <Text size="small" className="text-ui-fg-subtle">
                {SOURCE_LABELS[source]}
              </Text>
              <div className="flex gap-x-3">
                {list.map((x) => (
                  <Money key={x.currency} amount={x.amount} currency={x.currency} />
                ))}
              </div>
            </div>
          ))}
        </SubSection>
      )}
      {summary?.aging.map((a) => (
        <div key={a.currency_code} className="px-6 py-4">
          <Text size="small" weight="plus" className="mb-2">
            Aging ({a.currency_code.toUpperCase()}, by due date)
          </Text>
          <AgingBars buckets={a.buckets} currency={a.currency_code} />
        </div>
      ))}
      {!!summary?.recent_refunds.length && (
        <SubSection title="Recent refunds">
          {summary.recent_refunds.map((r) => (
            <DocumentLine
              key={r.id}
              label={`${r.number ?? "Draft"} · ${r.refund_date} · ${r.method}`}
              amount={r.total}
              currency={r.currency_code}
              status={r.status}
            />
          ))}
        </SubSection>
      )}
      <RefundFormModal
        customerId={customer.id}
        payments={summary?.refundable_payments}
        open={refundOpen}
        onOpenChange={setRefundOpen}
      />
    </Section>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
  id: "accounting-ar:customer-accounting",
})

export default CustomerAccountingWidget
