import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Text } from "@medusajs/ui"
import { useState } from "react"
import { CreditMemoFormModal } from "../components/credit-memo-form-modal"
import { Money } from "../components/money"
import { RefundFormModal } from "../components/refund-form-modal"
import { DocumentLine, Empty, Loading, Section, SubSection } from "../components/section"
import { useOrderAccounting, usePermissions } from "../hooks/accounting"

const Row = ({
  label,
  amount,
  currency,
  strong,
}: {
  label: string
  amount: string | number
  currency: string
  strong?: boolean
}) => (
  <div className="flex items-center justify-between">
    <Text size="small" weight={strong ? "plus" : "regular"} className="text-ui-fg-subtle">
      {label}
    </Text>
    <Money amount={amount} currency={currency} className={strong ? "font-medium" : undefined} />
  </div>
)

/** Receivable, paid, refunded and open amount of the order, with its credit memos and refunds. */
const OrderAccountingWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isLoading } = useOrderAccounting(order.id)
  const { can } = usePermissions()
  const [memoOpen, setMemoOpen] = useState(false)
  const [refundOpen, setRefundOpen] = useState(false)
  const summary = data?.order_accounting
  const currency = order.currency_code
  const customerId = order.customer_id

  return (
    <Section
      title="Accounting"
      subtitle="Accounts receivable for this order"
      actions={
        customerId && (
          <>
            <Button
              size="small"
              variant="secondary"
              disabled={!can("credit_memos:add")}
              onClick={() => setMemoOpen(true)}
            >
              Create credit memo
            </Button>
            <Button
              size="small"
              variant="secondary"
              disabled={!can("customer_refunds:add")}
              onClick={() => setRefundOpen(true)}
              data-testid="refund-credits"
            >
              Refund credits
            </Button>
          </>
        )
      }
    >
      {isLoading && <Loading />}
      {summary && !summary.posted && (
        <Empty>Not posted to the ledger yet (see Accounting → posting errors).</Empty>
      )}
      {summary?.posted && (
        <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="order-accounting">
          <Row label="Receivable" amount={summary.receivable} currency={currency} />
          <Row label="Paid" amount={summary.paid} currency={currency} />
          <Row label="Refunded" amount={summary.refunded} currency={currency} />
          <Row
            label="Open (negative: owed to the customer)"
            amount={summary.open}
            currency={currency}
            strong
          />
        </div>
      )}
      {!!summary?.credit_memos.length && (
        <SubSection title="Credit memos">
          {summary.credit_memos.map((m) => (
            <DocumentLine
              key={m.id}
              label={m.number ?? "Draft"}
              amount={m.total}
              currency={currency}
              status={m.status}
            />
          ))}
        </SubSection>
      )}
      {!!summary?.customer_refunds.length && (
        <SubSection title="Customer refunds" data-testid="order-refunds">
          {summary.customer_refunds.map((r) => (
            <DocumentLine
              key={r.id}
              label={`${r.number ?? "Draft"} · ${r.method}`}
              amount={r.total}
              currency={currency}
              status={r.status}
            />
          ))}
        </SubSection>
      )}
      {customerId && (
        <>
          <CreditMemoFormModal
            customerId={customerId}
            currency={currency}
            orderId={order.id}
            open={memoOpen}
            onOpenChange={setMemoOpen}
          />
          <RefundFormModal
            customerId={customerId}
            currency={currency}
            payments={summary?.refundable_payments}
            open={refundOpen}
            onOpenChange={setRefundOpen}
          />
        </>
      )}
    </Section>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
  id: "accounting-ar:order-accounting",
})

export default OrderAccountingWidget
