import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Text, createDataTableColumnHelper, createDataTableFilterHelper } from "@medusajs/ui"
import { useState } from "react"
import type { ReceivedPayment } from "../../../../sdk/accounting-client"
import { AccountingPage } from "../../../components/accounting-nav"
import { CustomerPicker } from "../../../components/customer-picker"
import { ListSection } from "../../../components/list-section"
import { Money } from "../../../components/money"
import { useNotice } from "../../../components/notice"
import { PaymentFormModal } from "../../../components/payment-form-modal"
import { PaymentReverseDrawer } from "../../../components/payment-reverse-drawer"
import { RowActions } from "../../../components/row-actions"
import { Section } from "../../../components/section"
import { DocumentStatus } from "../../../components/status"
import { usePayments, usePermissions } from "../../../hooks/accounting"
import { useListState } from "../../../hooks/list-filters"
import { useListTable } from "../../../hooks/list-table"
import { formatDate, methodLabel } from "../../../lib/format"
import { formatMoney } from "../../../lib/money"

const PAGE = 20
const column = createDataTableColumnHelper<ReceivedPayment>()
const filter = createDataTableFilterHelper<ReceivedPayment>()
const FILTERS = [
  filter.accessor("status", {
    type: "radio",
    label: "Status",
    options: [
      { value: "posted", label: "Posted" },
      { value: "reversed", label: "Reversed" },
    ],
  }),
]

/** Payments received outside Medusa: record one, the list, reverse. */
const PaymentsList = () => {
  const { can } = usePermissions()
  const notice = useNotice()
  const state = useListState({ pageSize: PAGE, filterIds: ["status"] })
  const list = usePayments({ ...state.page, status: state.filtering.status as string | undefined })
  const [customerId, setCustomerId] = useState("")
  const [recording, setRecording] = useState(false)
  const [reversing, setReversing] = useState<ReceivedPayment | null>(null)

  const columns = [
    column.accessor("number", { header: "Number" }),
    column.accessor("payment_date", { header: "Date", cell: ({ getValue }) => formatDate(getValue()) }),
    column.accessor("customer", {
      header: "Customer",
      cell: ({ row }) => <Text size="small">{row.original.customer?.name ?? row.original.customer_id}</Text>,
    }),
    column.accessor("method", { header: "Method", cell: ({ getValue }) => methodLabel(getValue()) }),
    column.accessor("reference", { header: "Reference", cell: ({ getValue }) => getValue() ?? "–" }),
    column.accessor("amount", {
      header: "Amount",
      align: "right",
      cell: ({ row }) => <Money amount={row.original.amount} currency={row.original.currency_code} />,
    }),
    column.accessor("unapplied_amount", {
      header: "Unapplied",
      align: "right",
      cell: ({ row }) => (
        <Money amount={row.original.unapplied_amount ?? 0} currency={row.original.currency_code} />
      ),
    }),
    column.accessor("status", {
      header: "Status",
      cell: ({ row }) => (
        <div className="flex flex-col">
          <DocumentStatus status={row.original.status} />
          {row.original.reversal_reason && (
            <Text size="xsmall" className="text-ui-fg-muted">
              {row.original.reversal_reason}
            </Text>
          )}
        </div>
      ),
    }),
    column.display({
      id: "actions",
      cell: ({ row }) => (
        <RowActions
          label={`Actions for ${row.original.number}`}
          actions={[
            row.original.status === "posted" &&
              can("payments:void") && {
                label: "Reverse…",
                onClick: () => setReversing(row.original),
                danger: true,
              },
          ]}
        />
      ),
    }),
  ]
  const table = useListTable({
    data: list.data?.payments ?? [],
    columns,
    rowCount: list.data?.count ?? 0,
    isLoading: list.isLoading,
    filters: FILTERS,
    state,
  })

  return (
    <>
      <Section
        title="Record a payment"
        subtitle="Bank transfer, check or cash received from a customer."
        actions={
          <Button
            size="small"
            disabled={!customerId || !can("payments:create") || !can("payments:post")}
            onClick={() => setRecording(true)}
            data-testid="new-payment"
          >
            Record payment
          </Button>
        }
      >
        <div className="px-6 py-4">
          <CustomerPicker value={customerId} onChange={setCustomerId} />
        </div>
      </Section>
      <ListSection
        title="Payments received"
        table={table}
        query={list}
        what="Payments"
        searchPlaceholder="Number, reference"
        emptyText="No payments recorded yet"
        data-testid="payments-list"
      />
      {customerId && (
        <PaymentFormModal
          customerId={customerId}
          open={recording}
          onOpenChange={setRecording}
          onDone={(p) =>
            notice.success(
              `Payment ${p.number} posted; ${formatMoney(p.unapplied_amount ?? 0, p.currency_code)} left unapplied`
            )
          }
        />
      )}
      <PaymentReverseDrawer
        payment={reversing}
        onClose={() => setReversing(null)}
        onReversed={(p) => notice.success(`Payment ${p.number} reversed`)}
      />
    </>
  )
}

const PaymentsPage = () => (
  <AccountingPage
    title="Payments received"
    description="Customer payments received outside Medusa and where they went."
  >
    <PaymentsList />
  </AccountingPage>
)

export const config = defineRouteConfig({ label: "Payments", rank: 3 })

export default PaymentsPage
