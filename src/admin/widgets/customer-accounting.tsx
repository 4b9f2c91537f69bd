import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { AgingBars } from "../components/aging-bars"
import { Money } from "../components/money"
import { NoticeProvider, PageNotice, useNotice } from "../components/notice"
import { RefundFormModal } from "../components/refund-form-modal"
import { RowActions } from "../components/row-actions"
import { DocumentLine, Empty, LoadError, Loading, Section, SubSection } from "../components/section"
import {
  useAvailableCredits,
  useCustomerAccounting,
  useDeposits,
  useOpenOrders,
  usePermissions,
} from "../hooks/accounting"
import { creditSourceLabel, formatDate, methodLabel, orderLabel } from "../lib/format"
import { sumMoney } from "../lib/money"
import { refundResultText } from "../lib/refunds"

/**
 * Open balance per currency, available credits by source, open orders, a
 * small aging and the latest refunds; "Refund credits" in the "…" menu.
 * A part that cannot load says so.
 */
const CustomerAccountingSection = ({ customer }: { customer: AdminCustomer }) => {
  const summaryQuery = useCustomerAccounting(customer.id)
  const credits = useAvailableCredits(customer.id)
  const orders = useOpenOrders(customer.id)
  const { can } = usePermissions()
  const notice = useNotice()
  // Deposits still held for the customer (not AR until applied): shown apart from credits.
  const deposits = useDeposits({ customer_id: customer.id, status: "posted", limit: 20 }, can("deposits:list"))
  const [refundOpen, setRefundOpen] = useState(false)
  const navigate = useNavigate()
  const summary = summaryQuery.data?.customer_accounting
  // Remaining credit per source and currency, summed exactly.
  const bySource = new Map<string, Map<string, string[]>>()
  for (const c of credits.data?.available_credits ?? []) {
    const currencies = bySource.get(c.source_type) ?? new Map<string, string[]>()
    currencies.set(c.currency_code, [...(currencies.get(c.currency_code) ?? []), String(c.remaining_amount)])
    bySource.set(c.source_type, currencies)
  }

  return (
    <Section
      title="Accounting"
      subtitle="Receivables, credits and refunds"
      data-testid="customer-accounting-widget"
      actions={
        <RowActions
          label="Accounting actions"
          actions={[
            can("customer_refunds:add") &&
              !!credits.data?.count && {
                label: "Refund credits…",
                onClick: () => setRefundOpen(true),
                testId: "customer-refund-credits",
              },
            can("credits:apply") &&
              !!credits.data?.count &&
              !!orders.data?.count && {
                label: "Apply credits…",
                onClick: () => navigate(`/accounting/customers/${customer.id}/apply`),
                testId: "customer-apply-credits",
              },
          ]}
        />
      }
    >
      <div className="px-6 pt-3 empty:hidden">
        <PageNotice />
      </div>
      {summaryQuery.isLoading && <Loading />}
      {summaryQuery.error && (
        <LoadError error={summaryQuery.error} what="The customer's balance" onRetry={() => summaryQuery.refetch()} />
      )}
      {summary && !summary.balances.length && <Empty>Nothing in accounts receivable for this customer.</Empty>}
      {!!summary?.balances.length && (
        <Table data-testid="customer-balances">
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
                  <Money amount={b.credits} currency={b.currency_code} />
                </Table.Cell>
                <Table.Cell className="text-right">
                  <Money amount={b.open_balance} currency={b.currency_code} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {credits.error && <LoadError error={credits.error} what="Available credits" onRetry={() => credits.refetch()} />}
      {bySource.size > 0 && (
        <SubSection title="Available credits" data-testid="customer-credits">
          {[...bySource.entries()].map(([source, currencies]) => (
            <div key={source} className="flex items-center justify-between">
              <Text size="small" className="text-ui-fg-subtle">
                {creditSourceLabel(source)}
              </Text>
              <div className="flex gap-x-3">
                {[...currencies.entries()].map(([currency, amounts]) => (
                  <Money key={currency} amount={sumMoney(amounts).toString()} currency={currency} />
                ))}
              </div>
            </div>
          ))}
        </SubSection>
      )}
      {!!deposits.data?.deposits.length && (
        <SubSection title="Open deposits" data-testid="customer-open-deposits">
          {deposits.data.deposits.map((d) => (
            <DocumentLine
              key={d.id}
              label={`${d.number} · ${formatDate(d.deposit_date)} · ${methodLabel(d.method)} · remaining`}
              amount={d.remaining_amount ?? 0}
              currency={d.currency_code}
              status={d.status}
            />
          ))}
        </SubSection>
      )}
      {orders.error && <LoadError error={orders.error} what="Open orders" onRetry={() => orders.refetch()} />}
      {!!orders.data?.open_orders.length && (
        <SubSection title="Open orders" data-testid="customer-open-orders">
          {orders.data.open_orders.map((o) => (
            <div key={o.order_id} className="flex items-center justify-between">
              <Link to={`/orders/${o.order_id}`} className="txt-small text-ui-fg-interactive">
                {orderLabel({ id: o.order_id, display_id: o.display_id })}
              </Link>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {formatDate(o.date)} · due {formatDate(o.due_date)}
              </Text>
              <Money amount={o.open_amount} currency={o.currency_code} />
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
              label={`${r.number ?? "Draft"} · ${formatDate(r.refund_date)} · ${methodLabel(r.method)}`}
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
        onDone={(result) => notice.success(refundResultText(result))}
      />
    </Section>
  )
}

const CustomerAccountingWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => (
  <NoticeProvider>
    <CustomerAccountingSection customer={customer} />
  </NoticeProvider>
)

export const config = defineWidgetConfig({
  zone: "customer.details.after",
  id: "accounting-ar:customer-accounting",
})

export default CustomerAccountingWidget
