import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CurrencyDollar } from "@medusajs/icons"
import { Badge, Button, Container, Text, createDataTableColumnHelper, useDataTable } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { AccountingPage } from "../../components/accounting-nav"
import { ListSection } from "../../components/list-section"
import { useNotice } from "../../components/notice"
import { LoadError } from "../../components/section"
import { ReconciledBadge } from "../../components/status"
import { useAccountingMutation, usePermissions, usePostingErrors, useReport } from "../../hooks/accounting"
import { useListState } from "../../hooks/list-filters"
import type { PostingError } from "../../../sdk/accounting-client"
import { accounting } from "../../lib/sdk"
import { errorMessage } from "../../lib/errors"
import { formatDateTime, humanize, orderLabel, todayIso } from "../../lib/format"

const column = createDataTableColumnHelper<PostingError>()

/** What failed to post, by what a person knows it as: "Order #11", "Refund RF-00004". */
const SourceCell = ({ e }: { e: PostingError }) => {
  if (e.source.order) {
    return (
      <Link to={`/orders/${e.source.order.id}`} className="text-ui-fg-interactive">
        Order {orderLabel(e.source.order)}
      </Link>
    )
  }
  if (e.source.number) {
    return <>Refund {e.source.number}</>
  }
  return <>{humanize(e.source_type)}</>
}

/** Is everything reconciled today (with a visible error if the check cannot run)? */
const ReconciliationCard = () => {
  const reconciliation = useReport("reconciliation", { as_of: todayIso() })
  return (
    <Container className="p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Text weight="plus">Reconciliation as of today</Text>
          <Text size="small" className="text-ui-fg-subtle">
            AR subledger vs control, Medusa payments vs journal, store credit vs deposits, hash chain.
          </Text>
        </div>
        {reconciliation.data && <ReconciledBadge report={reconciliation.data} data-testid="reconciled-badge" />}
        {reconciliation.isLoading && (
          <Text size="small" aria-busy="true">
            Checking…
          </Text>
        )}
      </div>
      {reconciliation.error && (
        <LoadError error={reconciliation.error} what="The reconciliation" onRetry={() => reconciliation.refetch()} />
      )}
    </Container>
  )
}

/** Accounting home: is everything reconciled, did any posting fail, where to go next. */
const Overview = () => {
  const { can } = usePermissions()
  const notice = useNotice()
  const state = useListState({ pageSize: 20, prefix: "errors_" })
  const errors = usePostingErrors({ ...state.page, status: "pending" })
  const retry = useAccountingMutation((id: string) => accounting.postingErrors.retry(id))
  const columns = [
    column.display({ id: "source", header: "Source", cell: ({ row }) => <SourceCell e={row.original} /> }),
    column.accessor("message", {
      header: "Problem",
      cell: ({ row }) => (
        <span className="flex items-center gap-x-2">
          {row.original.code && <Badge size="2xsmall">{humanize(row.original.code.toLowerCase())}</Badge>}
          {row.original.message}
        </span>
      ),
    }),
    column.accessor("attempts", { header: "Attempts", align: "right" }),
    column.accessor("updated_at", { header: "Last try", cell: ({ getValue }) => formatDateTime(getValue()) }),
    column.display({
      id: "actions",
      cell: ({ row }) =>
        can("journal:post") ? (
          <Button
            size="small"
            variant="secondary"
            isLoading={retry.isPending && retry.variables === row.original.id}
            onClick={() =>
              retry.mutate(row.original.id, {
                onSuccess: (r) =>
                  notice.success(r.posting_error.status === "resolved" ? "Posted" : "Retried; still failing"),
                onError: (e) => notice.error(`Retry failed: ${errorMessage(e)}`),
              })
            }
          >
            Retry now
          </Button>
        ) : null,
    }),
  ]
  const table = useDataTable({
    data: errors.data?.posting_errors ?? [],
    columns,
    getRowId: (e) => e.id,
    rowCount: errors.data?.count ?? 0,
    isLoading: errors.isLoading,
    pagination: state.pagination,
  })
  return (
    <>
      <ReconciliationCard />
      <ListSection
        title="Posting errors"
        subtitle="Store activity that could not be posted yet; retried every minute."
        table={table}
        query={errors}
        what="Posting errors"
        emptyText="None: every order, capture and refund is in the journal."
        data-testid="posting-errors"
      />
    </>
  )
}

const AccountingOverviewPage = () => (
  <AccountingPage
    title="Accounting"
    description="Credit memos, customer refunds, the journal and the reports that prove the books agree with the money."
  >
    <Overview />
  </AccountingPage>
)

export const config = defineRouteConfig({ label: "Accounting", icon: CurrencyDollar })

export default AccountingOverviewPage
