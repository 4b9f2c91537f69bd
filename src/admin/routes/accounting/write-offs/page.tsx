import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Text, createDataTableColumnHelper, createDataTableFilterHelper } from "@medusajs/ui"
import { useState } from "react"
import type { WriteOff } from "../../../../sdk/accounting-client"
import { AccountingPage } from "../../../components/accounting-nav"
import { ActionDrawer } from "../../../components/action-drawer"
import { BulkWriteOffDrawer } from "../../../components/bulk-write-off-drawer"
import { ListSection } from "../../../components/list-section"
import { Money } from "../../../components/money"
import { useNotice } from "../../../components/notice"
import { RowActions } from "../../../components/row-actions"
import { DocumentStatus } from "../../../components/status"
import { useAccountingMutation, usePermissions, useWriteOffs } from "../../../hooks/accounting"
import { useListState } from "../../../hooks/list-filters"
import { useListTable } from "../../../hooks/list-table"
import { formatDate, orderLabel } from "../../../lib/format"
import { accounting } from "../../../lib/sdk"

const PAGE = 20
const column = createDataTableColumnHelper<WriteOff>()
const filter = createDataTableFilterHelper<WriteOff>()
const FILTERS = [
  filter.accessor("status", {
    type: "radio",
    label: "Status",
    options: [
      { value: "posted", label: "Posted" },
      { value: "voided", label: "Voided" },
    ],
  }),
]

/** Write-offs: the list, small balances in bulk, void. One order is written off from its widget. */
const WriteOffsList = () => {
  const { can } = usePermissions()
  const notice = useNotice()
  const state = useListState({ pageSize: PAGE, filterIds: ["status"] })
  const list = useWriteOffs({ ...state.page, status: state.filtering.status as string | undefined })
  const [bulk, setBulk] = useState(false)
  const [voiding, setVoiding] = useState<WriteOff | null>(null)
  const voidIt = useAccountingMutation(
    (input: { date: string; reason?: string }) => accounting.writeOffs.void(voiding!.id, input),
    { codeFields: { PERIOD_CLOSED: "date", DATE_BEFORE_ORIGINAL: "date" } }
  )

  const columns = [
    column.accessor("number", { header: "Number" }),
    column.accessor("write_off_date", { header: "Date", cell: ({ getValue }) => formatDate(getValue()) }),
    column.accessor("customer", {
      header: "Customer",
      cell: ({ row }) => <Text size="small">{row.original.customer?.name ?? row.original.customer_id}</Text>,
    }),
    column.accessor("order", {
      header: "Order",
      cell: ({ row }) => orderLabel(row.original.order ?? { id: row.original.order_id, display_id: null }),
    }),
    column.accessor("reason_label", { header: "Reason", cell: ({ getValue }) => getValue() ?? "–" }),
    column.accessor("amount", {
      header: "Amount",
      align: "right",
      cell: ({ row }) => <Money amount={row.original.amount} currency={row.original.currency_code} />,
    }),
    column.accessor("status", {
      header: "Status",
      cell: ({ getValue }) => <DocumentStatus status={getValue()} />,
    }),
    column.display({
      id: "actions",
      cell: ({ row }) => (
        <RowActions
          label={`Actions for ${row.original.number}`}
          actions={[
            row.original.status === "posted" &&
              can("writeoffs:void") && {
                label: "Void…",
                onClick: () => setVoiding(row.original),
                danger: true,
              },
          ]}
        />
      ),
    }),
  ]
  const table = useListTable({
    data: list.data?.write_offs ?? [],
    columns,
    rowCount: list.data?.count ?? 0,
    isLoading: list.isLoading,
    filters: FILTERS,
    state,
  })

  return (
    <>
      <ListSection
        title="Write-offs"
        table={table}
        query={list}
        what="Write-offs"
        searchPlaceholder="Number, reason, memo"
        emptyText="No write-offs yet"
        actions={
          <Button
            size="small"
            variant="secondary"
            disabled={!can("writeoffs:create") || !can("writeoffs:post")}
            onClick={() => setBulk(true)}
            data-testid="bulk-write-off"
          >
            Small balances…
          </Button>
        }
        data-testid="write-offs-list"
      />
      <BulkWriteOffDrawer
        open={bulk}
        onOpenChange={setBulk}
        onDone={(count) => notice.success(`${count} small balance${count === 1 ? "" : "s"} written off`)}
      />
      <ActionDrawer
        open={!!voiding}
        onOpenChange={(open) => {
          if (!open) {
            voidIt.reset()
            setVoiding(null)
          }
        }}
        title={`Void write-off ${voiding?.number ?? ""}`}
        description="Posts the mirror entry on the date you choose; the order owes the amount again."
        confirmLabel="Void write-off"
        askDate
        reason={{ label: "Reason", required: false }}
        isPending={voidIt.isPending}
        failure={voidIt.failure}
        onConfirm={(input) =>
          voidIt.mutate(
            { date: input.date, reason: input.reason || undefined },
            {
              onSuccess: (r) => {
                setVoiding(null)
                notice.success(`Write-off ${r.write_off.number} voided`)
              },
            }
          )
        }
      />
    </>
  )
}

const WriteOffsPage = () => (
  <AccountingPage
    title="Write-offs"
    description="Balances that will not be collected, written off to Bad Debt."
  >
    <WriteOffsList />
  </AccountingPage>
)

export const config = defineRouteConfig({ label: "Write-offs", rank: 3 })

export default WriteOffsPage
