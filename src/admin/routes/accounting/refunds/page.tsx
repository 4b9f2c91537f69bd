import { defineRouteConfig } from "@medusajs/admin-sdk"
import {
  Button,
  Text,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  usePrompt,
} from "@medusajs/ui"
import { useState } from "react"
import { AccountingPage } from "../../../components/accounting-nav"
import { CustomerPicker } from "../../../components/customer-picker"
import { ListSection } from "../../../components/list-section"
import { Money } from "../../../components/money"
import { useNotice } from "../../../components/notice"
import { RefundFormModal } from "../../../components/refund-form-modal"
import { RefundVoidDrawer } from "../../../components/refund-void-drawer"
import { RowActions } from "../../../components/row-actions"
import { Section } from "../../../components/section"
import { ApprovalBadge, DocumentStatus } from "../../../components/status"
import {
  useAccountingMutation,
  useCustomerAccounting,
  usePermissions,
  useRefunds,
} from "../../../hooks/accounting"
import { useListState } from "../../../hooks/list-filters"
import { useListTable } from "../../../hooks/list-table"
import type { CustomerRefund } from "../../../../sdk/accounting-client"
import { accounting } from "../../../lib/sdk"
import { formatDate, methodLabel, newIdempotencyKey } from "../../../lib/format"
import { refundResultText } from "../../../lib/refunds"

const PAGE = 20
const column = createDataTableColumnHelper<CustomerRefund>()
const filter = createDataTableFilterHelper<CustomerRefund>()

const FILTERS = [
  filter.accessor("status", {
    type: "radio",
    label: "Status",
    options: ["draft", "posting", "money_moved", "posted", "voided"].map((value) => ({
      value,
      label:
        value === "money_moved" ? "Paid, booking pending" : value.charAt(0).toUpperCase() + value.slice(1),
    })),
  }),
  filter.accessor("method", {
    type: "radio",
    label: "Method",
    options: ["card", "store_credit", "check", "eft", "cash", "record_transfer"].map((value) => ({
      value,
      label: methodLabel(value),
    })),
  }),
]

/** Customer refunds: new refund, the list (filters and page in the URL), post, void, delete drafts. */
const RefundsList = () => {
  const { can } = usePermissions()
  const notice = useNotice()
  const prompt = usePrompt()
  const state = useListState({ pageSize: PAGE, filterIds: ["status", "method"] })
  const list = useRefunds({
    ...state.page,
    status: state.filtering.status as string | undefined,
    method: state.filtering.method as string | undefined,
  })
  const [customerId, setCustomerId] = useState("")
  const [creating, setCreating] = useState(false)
  const [voiding, setVoiding] = useState<CustomerRefund | null>(null)
  // For the card payments the refund form offers.
  const customer = useCustomerAccounting(customerId || undefined)
  const post = useAccountingMutation((id: string) => accounting.refunds.post(id, newIdempotencyKey()))
  const remove = useAccountingMutation((id: string) => accounting.refunds.delete(id))

  const confirmPost = async (r: CustomerRefund) => {
    const ok = await prompt({
      title: `Post refund ${r.number ?? "draft"}?`,
      description: `This pays ${r.customer?.name ?? "the customer"} back by ${methodLabel(r.method).toLowerCase()} and books it.`,
      confirmText: "Post refund",
      variant: "confirmation",
    })
    if (ok) {
      post.mutate(r.id, {
        onSuccess: (result) => notice.success(refundResultText(result)),
        onError: (e) => notice.error(`Refund not posted: ${(e as Error).message}`),
      })
    }
  }
  const confirmDelete = async (r: CustomerRefund) => {
    const ok = await prompt({
      title: "Delete this draft refund?",
      description: "The draft is discarded; nothing was paid or booked.",
      confirmText: "Delete draft",
    })
    if (ok) {
      remove.mutate(r.id, {
        onSuccess: () => notice.success("Draft refund deleted"),
        onError: (e) => notice.error(`Draft not deleted: ${(e as Error).message}`),
      })
    }
  }

  const columns = [
    column.accessor("number", { header: "Number", cell: ({ getValue }) => getValue() ?? "Draft" }),
    column.accessor("refund_date", { header: "Date", cell: ({ getValue }) => formatDate(getValue()) }),
    column.accessor("customer", {
      header: "Customer",
      cell: ({ getValue }) => (
        <div className="flex flex-col">
          <Text size="small">{getValue()?.name ?? "–"}</Text>
          {getValue()?.email && getValue()?.email !== getValue()?.name && (
            <Text size="xsmall" className="text-ui-fg-subtle">
              {getValue()?.email}
            </Text>
          )}
        </div>
      ),
    }),
    column.accessor("method", { header: "Method", cell: ({ getValue }) => methodLabel(getValue()) }),
    column.accessor("reference", { header: "Reference", cell: ({ getValue }) => getValue() ?? "–" }),
    column.accessor("reason_label", { header: "Reason", cell: ({ getValue }) => getValue() ?? "–" }),
    column.accessor("total", {
      header: "Amount",
      align: "right",
      cell: ({ row }) => <Money amount={row.original.total} currency={row.original.currency_code} />,
    }),
    column.accessor("status", {
      header: "Status",
      cell: ({ row }) => (
        <div className="flex items-center gap-x-1">
          <DocumentStatus status={row.original.status} />
          <ApprovalBadge doc={row.original} />
          {row.original.void_record_only && (
            <Text size="xsmall" className="text-ui-fg-muted">
              books only
            </Text>
          )}
        </div>
      ),
    }),
    column.display({
      id: "actions",
      cell: ({ row }) => {
        const r = row.original
        return (
          <RowActions
            label={`Actions for ${r.number ?? `draft refund ${r.reference ?? r.customer?.name ?? ""}`.trim()}`}
            actions={[
              r.status === "draft" &&
                can("customer_refunds:post") && { label: "Post…", onClick: () => confirmPost(r) },
              r.status === "draft" &&
                can("customer_refunds:add") && {
                  label: "Delete draft…",
                  onClick: () => confirmDelete(r),
                  danger: true,
                },
              r.status === "posted" &&
                can("customer_refunds:void") && {
                  label: "Void…",
                  onClick: () => setVoiding(r),
                  danger: true,
                },
            ]}
          />
        )
      },
    }),
  ]

  const table = useListTable({
    data: list.data?.customer_refunds ?? [],
    columns,
    rowCount: list.data?.count ?? 0,
    isLoading: list.isLoading,
    filters: FILTERS,
    state,
  })

  return (
    <>
      <Section
        title="New refund"
        subtitle="Pick a customer to refund from their available credits."
        actions={
          <Button
            size="small"
            disabled={!customerId || !can("customer_refunds:add")}
            onClick={() => setCreating(true)}
            data-testid="new-refund"
          >
            Refund credits
          </Button>
        }
      >
        <div className="px-6 py-4">
          <CustomerPicker value={customerId} onChange={setCustomerId} />
        </div>
      </Section>
      <ListSection
        title="Refunds"
        table={table}
        query={list}
        what="Refunds"
        searchPlaceholder="Number, reference, memo"
        emptyText="No refunds yet"
        data-testid="refunds-list"
      />
      {customerId && (
        <RefundFormModal
          customerId={customerId}
          payments={customer.data?.customer_accounting.refundable_payments}
          open={creating}
          onOpenChange={setCreating}
          onDone={(result) => notice.success(refundResultText(result))}
        />
      )}
      <RefundVoidDrawer
        refund={voiding}
        onClose={() => setVoiding(null)}
        onVoided={(r) => notice.success(`Refund ${r.number} voided`)}
      />
    </>
  )
}

const RefundsPage = () => (
  <AccountingPage
    title="Customer refunds"
    description="Money (or store credit) paid back to customers from the credits they hold."
  >
    <RefundsList />
  </AccountingPage>
)

export const config = defineRouteConfig({ label: "Refunds", rank: 1 })

export default RefundsPage
