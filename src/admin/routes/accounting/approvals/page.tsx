import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Text, createDataTableColumnHelper, useDataTable } from "@medusajs/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { AccountingPage } from "../../../components/accounting-nav"
import { ActionDrawer } from "../../../components/action-drawer"
import { ListSection } from "../../../components/list-section"
import { useNotice } from "../../../components/notice"
import { Money } from "../../../components/money"
import { RowActions } from "../../../components/row-actions"
import { useAccountingMutation, usePermissions } from "../../../hooks/accounting"
import type { AwaitingApproval } from "../../../../sdk/accounting-client"
import { accounting } from "../../../lib/sdk"
import { formatDateTime } from "../../../lib/format"

const column = createDataTableColumnHelper<AwaitingApproval>()
const TYPE_LABEL = { customer_refund: "Refund", credit_memo: "Credit memo", write_off: "Write-off" } as const
const APPROVER = {
  customer_refund: "customer_refunds:approve",
  credit_memo: "credit_memos:approve",
  write_off: "writeoffs:approve",
} as const
const name = (a: AwaitingApproval) => `${TYPE_LABEL[a.document_type]} ${a.number ?? a.id}`

/** The approver's queue: drafts above their threshold waiting for a second person. */
const ApprovalQueue = () => {
  const notice = useNotice()
  const { can } = usePermissions()
  const queue = useQuery({
    queryKey: ["accounting", "approvals"],
    queryFn: () => accounting.approvals.list({ limit: 100 }),
    placeholderData: keepPreviousData,
  })
  const [rejecting, setRejecting] = useState<AwaitingApproval | null>(null)
  const approve = useAccountingMutation((a: AwaitingApproval) =>
    accounting.approvals.approve(a.document_type, a.id)
  )
  const reject = useAccountingMutation((v: { a: AwaitingApproval; reason: string }) =>
    accounting.approvals.reject(v.a.document_type, v.a.id, v.reason)
  )
  const rows = queue.data?.approvals ?? []
  const mayApprove = (a: AwaitingApproval) => can(APPROVER[a.document_type])
  const table = useDataTable({
    data: rows,
    getRowId: (a) => a.id,
    rowCount: queue.data?.count ?? 0,
    isLoading: queue.isLoading,
    columns: [
      column.display({ id: "document", header: "Document", cell: ({ row }) => name(row.original) }),
      column.display({
        id: "customer",
        header: "Customer",
        cell: ({ row }) => row.original.customer?.name ?? "–",
      }),
      column.display({
        id: "amount",
        header: "Amount",
        cell: ({ row }) => <Money amount={row.original.amount} currency={row.original.currency_code} />,
      }),
      column.display({
        id: "created",
        header: "Prepared by",
        cell: ({ row }) => (
          <Text size="small">
            {row.original.created_by?.name ?? "the system"} · {formatDateTime(row.original.created_at)}
          </Text>
        ),
      }),
      column.display({
        id: "actions",
        cell: ({ row }) => (
          <RowActions
            label={`Actions for ${name(row.original)}`}
            actions={
              mayApprove(row.original)
                ? [
                    {
                      label: "Approve",
                      onClick: () =>
                        approve.mutate(row.original, {
                          onSuccess: () => notice.success(`${name(row.original)} approved`),
                          onError: (e: any) => notice.error(e.message),
                        }),
                    },
                    { label: "Reject…", danger: true, onClick: () => setRejecting(row.original) },
                  ]
                : []
            }
          />
        ),
      }),
    ],
  })
  return (
    <>
      <ListSection
        title="Awaiting approval"
        subtitle="Above the approval threshold, a document is posted only after another user approves it."
        table={table}
        query={queue}
        what="The approval queue"
        emptyText="Nothing awaits approval."
        data-testid="approval-queue"
      />
      <ActionDrawer
        open={!!rejecting}
        onOpenChange={(open) => {
          if (!open) {
            reject.reset()
            setRejecting(null)
          }
        }}
        title={`Reject ${rejecting ? name(rejecting) : ""}`}
        description="The draft goes back to the person who prepared it with your reason; it cannot be posted until changed and approved."
        confirmLabel="Reject"
        danger
        reason={{ label: "Reason", required: true, hint: "Shown to the preparer and kept in the audit log" }}
        isPending={reject.isPending}
        failure={reject.failure}
        onConfirm={({ reason }) =>
          reject.mutate(
            { a: rejecting!, reason: reason! },
            {
              onSuccess: () => {
                notice.success(`${name(rejecting!)} rejected`)
                setRejecting(null)
              },
            }
          )
        }
      />
    </>
  )
}

const ApprovalsPage = () => (
  <AccountingPage
    title="Approvals"
    description="Maker-checker: refunds, credit memos and write-offs above the thresholds in Settings need a second user's approval."
  >
    <ApprovalQueue />
  </AccountingPage>
)

export const config = defineRouteConfig({ label: "Approvals", rank: 3 })

export default ApprovalsPage
