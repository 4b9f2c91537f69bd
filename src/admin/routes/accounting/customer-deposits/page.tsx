import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Text, createDataTableColumnHelper, createDataTableFilterHelper } from "@medusajs/ui"
import { useState } from "react"
import type { CustomerDeposit } from "../../../../sdk/accounting-client"
import { AccountingPage } from "../../../components/accounting-nav"
import { DepositApplyDrawer } from "../../../components/deposit-apply-drawer"
import { DepositFormModal } from "../../../components/deposit-form-modal"
import { DepositRefundDrawer } from "../../../components/deposit-refund-drawer"
import { DepositUnapplyDrawer } from "../../../components/deposit-unapply-drawer"
import { DepositVoidDrawer } from "../../../components/deposit-void-drawer"
import { ListSection } from "../../../components/list-section"
import { Money } from "../../../components/money"
import { useNotice } from "../../../components/notice"
import { RowActions } from "../../../components/row-actions"
import { Section } from "../../../components/section"
import { DocumentStatus } from "../../../components/status"
import { useDeposits, usePermissions } from "../../../hooks/accounting"
import { useListState } from "../../../hooks/list-filters"
import { useListTable } from "../../../hooks/list-table"
import { formatDate, methodLabel, orderLabel } from "../../../lib/format"
import { formatMoney, toDecimal } from "../../../lib/money"

const PAGE = 20
const column = createDataTableColumnHelper<CustomerDeposit>()
const filter = createDataTableFilterHelper<CustomerDeposit>()
const FILTERS = [
  filter.accessor("status", {
    type: "radio",
    label: "Status",
    options: [
      { value: "posted", label: "Open" },
      { value: "applied", label: "Applied" },
      { value: "refunded", label: "Refunded" },
      { value: "voided", label: "Voided" },
    ],
  }),
]

type Action = "apply" | "unapply" | "refund" | "void"

/** Deposits and advances: record one, the list, apply to an order, unapply, refund the rest, void. */
const DepositsList = () => {
  const { can } = usePermissions()
  const notice = useNotice()
  const state = useListState({ pageSize: PAGE, filterIds: ["status"] })
  const list = useDeposits({ ...state.page, status: state.filtering.status as string | undefined })
  const [recording, setRecording] = useState(false)
  const [acting, setActing] = useState<{ action: Action; deposit: CustomerDeposit } | null>(null)
  const close = () => setActing(null)
  const on = (action: Action) => (acting?.action === action ? acting.deposit : null)
  const left = (d: CustomerDeposit) => formatMoney(d.remaining_amount ?? 0, d.currency_code)

  const columns = [
    column.accessor("number", { header: "Number" }),
    column.accessor("deposit_date", { header: "Date", cell: ({ getValue }) => formatDate(getValue()) }),
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
    column.accessor("applications", {
      header: "Applied to",
      cell: ({ row }) => {
        const standing = row.original.applications.filter((a) => !a.unapplied_date)
        return (
          <Text size="small">
            {standing.length
              ? standing
                  .map((a) => `${orderLabel(a.order ?? { id: a.order_id, display_id: null })} ${formatMoney(a.amount, row.original.currency_code)}`)
                  .join(", ")
              : "–"}
          </Text>
        )
      },
    }),
    column.accessor("remaining_amount", {
      header: "Remaining",
      align: "right",
      cell: ({ row }) => <Money amount={row.original.remaining_amount ?? 0} currency={row.original.currency_code} />,
    }),
    column.accessor("status", {
      header: "Status",
      cell: ({ row }) => <DocumentStatus status={row.original.status} />,
    }),
    column.display({
      id: "actions",
      cell: ({ row }) => {
        const d = row.original
        const remains = d.status !== "voided" && toDecimal(d.remaining_amount).gt(0)
        const untouched = d.status === "posted" && toDecimal(d.applied_amount).isZero() && toDecimal(d.refunded_amount).isZero()
        return (
          <RowActions
            label={`Actions for ${d.number}`}
            actions={[
              remains && can("deposits:apply") && { label: "Apply to order…", onClick: () => setActing({ action: "apply", deposit: d }) },
              d.applications.some((a) => !a.unapplied_date) &&
                can("deposits:apply") && { label: "Unapply…", onClick: () => setActing({ action: "unapply", deposit: d }) },
              remains && can("deposits:refund") && { label: "Refund…", onClick: () => setActing({ action: "refund", deposit: d }) },
              untouched &&
                can("deposits:void") && { label: "Void…", onClick: () => setActing({ action: "void", deposit: d }), danger: true },
            ]}
          />
        )
      },
    }),
  ]
  const table = useListTable({
    data: list.data?.deposits ?? [],
    columns,
    rowCount: list.data?.count ?? 0,
    isLoading: list.isLoading,
    filters: FILTERS,
    state,
  })

  return (
    <>
      <Section
        title="Take a deposit"
        subtitle="Money a customer pays before an order: held as Customer Advances until applied or paid back."
        actions={
          <Button
            size="small"
            disabled={!can("deposits:create") || !can("deposits:post")}
            onClick={() => setRecording(true)}
            data-testid="new-deposit"
          >
            Record deposit
          </Button>
        }
      >
        {null}
      </Section>
      <ListSection
        title="Deposits"
        table={table}
        query={list}
        what="Deposits"
        searchPlaceholder="Number, reference"
        emptyText="No deposits recorded yet"
        data-testid="deposits-list"
      />
      <DepositFormModal
        open={recording}
        onOpenChange={setRecording}
        onDone={(d) => notice.success(`Deposit ${d.number} posted: ${formatMoney(d.amount, d.currency_code)}`)}
      />
      <DepositApplyDrawer
        deposit={on("apply")}
        onClose={close}
        onApplied={(d) => notice.success(`Deposit ${d.number} applied; ${left(d)} remains`)}
      />
      <DepositUnapplyDrawer
        deposit={on("unapply")}
        onClose={close}
        onUnapplied={(d) => notice.success(`Deposit ${d.number} unapplied; ${left(d)} remains`)}
      />
      <DepositRefundDrawer
        deposit={on("refund")}
        onClose={close}
        onRefunded={(d) => notice.success(`Deposit ${d.number} refunded; ${left(d)} remains`)}
      />
      <DepositVoidDrawer deposit={on("void")} onClose={close} onVoided={(d) => notice.success(`Deposit ${d.number} voided`)} />
    </>
  )
}

const DepositsPage = () => (
  <AccountingPage
    title="Customer deposits"
    description="Deposits and advances customers paid before an order, applied to orders or paid back."
  >
    <DepositsList />
  </AccountingPage>
)

export const config = defineRouteConfig({ label: "Customer deposits", rank: 5 })

export default DepositsPage
