import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Text, createDataTableColumnHelper, createDataTableFilterHelper, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import type { WriteOff } from "../../../../sdk/accounting-client"
import { AccountingPage } from "../../../components/accounting-nav"
import { ActionDrawer } from "../../../components/action-drawer"
import { BulkWriteOffDrawer } from "../../../components/bulk-write-off-drawer"
import { WriteOffDrawer } from "../../../components/write-off-drawer"
import { ListSection } from "../../../components/list-section"
import { Money } from "../../../components/money"
import { useNotice } from "../../../components/notice"
import { RowActions } from "../../../components/row-actions"
import { ApprovalBadge, DocumentStatus } from "../../../components/status"
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
      { value: "draft", label: "Awaiting approval" },
      { value: "posted", label: "Posted" },
      { value: "voided", label: "Voided" },
    ],
  }),
]

/** Write-offs: the list, one order or small balances in bulk, post an approved draft, void. */
const WriteOffsList = () => {
  const { can } = usePermissions()
  const notice = useNotice()
  const state = useListState({ pageSize: PAGE, filterIds: ["status"] })
  const list = useWriteOffs({ ...state.page, status: state.filtering.status as string | undefined })
  const [bulk, setBulk] = useState(false)
  const [single, setSingle] = useState(false)
  const prompt = usePrompt()
  const [voiding, setVoiding] = useState<WriteOff | null>(null)
  const post = useAccountingMutation((id: string) => accounting.writeOffs.post(id))
  const remove = useAccountingMutation((id: string) => accounting.writeOffs.delete(id))
  const label = (w: WriteOff) => w.number ?? `draft write-off of ${orderLabel(w.order ?? { id: w.order_id, display_id: null })}`
  const voidIt = useAccountingMutation(
    (input: { date: string; reason?: string }) => accounting.writeOffs.void(voiding!.id, input),
    { codeFields: { PERIOD_CLOSED: "date", DATE_BEFORE_ORIGINAL: "date" } }
  )

  // Drafts exist only above the approval threshold: posted once a second user approved them.
  const confirmPost = async (w: WriteOff) => {
    const ok = await prompt({
      title: `Post the ${label(w)}?`,
      description: "It is approved: this books it to Bad Debt and the order owes that much less.",
      confirmText: "Post write-off",
      variant: "confirmation",
    })
    if (ok) {
      post.mutate(w.id, {
        onSuccess: (r) => notice.success(`Write-off ${r.write_off.number} posted`),
        onError: (e) => notice.error(`Write-off not posted: ${(e as Error).message}`),
      })
    }
  }
  const confirmDelete = async (w: WriteOff) => {
    const ok = await prompt({
      title: `Delete the ${label(w)}?`,
      description: "The draft is discarded; nothing was booked.",
      confirmText: "Delete draft",
    })
    if (ok) {
      remove.mutate(w.id, {
        onSuccess: () => notice.success("Draft write-off deleted"),
        onError: (e) => notice.error(`Draft not deleted: ${(e as Error).message}`),
      })
    }
  }

  const columns = [
    column.accessor("number", { header: "Number", cell: ({ getValue }) => getValue() ?? "Draft" }),
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
      cell: ({ row }) => (
        <div className="flex items-center gap-x-1">
          <DocumentStatus status={row.original.status} />
          <ApprovalBadge doc={row.original} />
        </div>
      ),
    }),
    column.display({
      id: "actions",
      cell: ({ row }) => (
        <RowActions
          label={`Actions for ${label(row.original)}`}
          actions={[
            row.original.status === "draft" &&
              row.original.approval_status === "approved" &&
              can("writeoffs:post") && { label: "Post…", onClick: () => confirmPost(row.original) },
            row.original.status === "draft" &&
              can("writeoffs:create") && {
                label: "Delete draft…",
                onClick: () => confirmDelete(row.original),
                danger: true,
              },
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
          <div className="flex gap-x-2">
            <Button
              size="small"
              variant="secondary"
              disabled={!can("writeoffs:create") || !can("writeoffs:post")}
              onClick={() => setSingle(true)}
              data-testid="write-off-order"
            >
              Write off an order…
            </Button>
            <Button
              size="small"
              variant="secondary"
              disabled={!can("writeoffs:create") || !can("writeoffs:post")}
              onClick={() => setBulk(true)}
              data-testid="bulk-write-off"
            >
              Small balances…
            </Button>
          </div>
        }
        data-testid="write-offs-list"
      />
      <WriteOffDrawer
        open={single}
        onOpenChange={setSingle}
        onDone={(w) =>
          notice.success(
            w.status === "draft" ? "Write-off awaiting a second user's approval" : `Write-off ${w.number} posted`
          )
        }
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
