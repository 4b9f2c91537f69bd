import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, createDataTableColumnHelper } from "@medusajs/ui"
import { useState } from "react"
import type { Payout, PostedPayout } from "../../../../sdk/accounting-client"
import { AccountingPage } from "../../../components/accounting-nav"
import { ListSection } from "../../../components/list-section"
import { Money } from "../../../components/money"
import { useNotice } from "../../../components/notice"
import { PayoutDrawer } from "../../../components/payout-drawer"
import { PayoutImportDrawer } from "../../../components/payout-import-drawer"
import { PayoutRecordDrawer } from "../../../components/payout-record-drawer"
import { DocumentStatus } from "../../../components/status"
import { UnmatchedPayouts } from "../../../components/unmatched-payouts"
import { usePayouts, usePermissions } from "../../../hooks/accounting"
import { useListState } from "../../../hooks/list-filters"
import { useListTable } from "../../../hooks/list-table"
import { formatDate } from "../../../lib/format"

const PAGE = 20
const column = createDataTableColumnHelper<Payout>()

const COLUMNS = [
  column.accessor("number", { header: "Number" }),
  column.accessor("provider_id", {
    header: "Provider",
    cell: ({ row }) => `${row.original.provider_id} · ${row.original.provider_payout_id}`,
  }),
  column.accessor("currency_code", { header: "Currency", cell: ({ getValue }) => getValue().toUpperCase() }),
  column.accessor("payout_date", { header: "Date", cell: ({ getValue }) => formatDate(getValue()) }),
  column.accessor("gross", {
    header: "Gross",
    align: "right",
    cell: ({ row }) => <Money amount={row.original.gross} currency={row.original.currency_code} />,
  }),
  column.accessor("fee", {
    header: "Fees",
    align: "right",
    cell: ({ row }) => <Money amount={row.original.fee} currency={row.original.currency_code} />,
  }),
  column.accessor("net", {
    header: "Net",
    align: "right",
    cell: ({ row }) => <Money amount={row.original.net} currency={row.original.currency_code} />,
  }),
  column.accessor("line_counts", {
    header: "Lines",
    cell: ({ getValue }) => {
      const counts = getValue()
      return counts ? (
        <div className="flex gap-x-1">
          <Badge
            size="2xsmall"
            color={counts.matched ? "green" : "grey"}
          >{`${counts.matched} matched`}</Badge>
          {counts.unmatched > 0 && (
            <Badge size="2xsmall" color="orange">{`${counts.unmatched} unmatched`}</Badge>
          )}
        </div>
      ) : (
        "–"
      )
    },
  }),
  // A payout is posted when it is recorded; there is no other state.
  column.display({ id: "status", header: "Status", cell: () => <DocumentStatus status="posted" /> }),
]

/** "PO-00003 imported; po_1 was imported before as PO-00001: nothing posted again." */
const importedText = (payouts: PostedPayout[]) => {
  const created = payouts.filter((p) => p.created).map((p) => p.number)
  const again = payouts.filter((p) => !p.created).map((p) => p.number)
  return [
    created.length ? `${created.join(", ")} posted` : null,
    again.length ? `${again.join(", ")} already imported: nothing posted again` : null,
  ]
    .filter(Boolean)
    .join("; ")
}

/** Payouts of the payment processors: the list, import a report, record one, what is left to reconcile. */
const PayoutsList = () => {
  const { can } = usePermissions()
  const notice = useNotice()
  const state = useListState({ pageSize: PAGE })
  const list = usePayouts({ ...state.page })
  const [openId, setOpenId] = useState<string | null>(null)
  const [importing, setImporting] = useState(false)
  const [recording, setRecording] = useState(false)
  // New payouts usually come from the provider of the latest one.
  const provider = list.data?.payouts[0]?.provider_id ?? "pp_stripe_stripe"
  const table = useListTable({
    data: list.data?.payouts ?? [],
    columns: COLUMNS,
    rowCount: list.data?.count ?? 0,
    isLoading: list.isLoading,
    onRowClick: (_, row) => setOpenId(row.id),
    state,
  })

  return (
    <>
      <ListSection
        title="Payouts"
        subtitle="Money the payment processors paid into the bank, net of their fees."
        table={table}
        query={list}
        what="Payouts"
        searchPlaceholder="Number, payout id"
        emptyText="No payouts yet"
        actions={
          <>
            <Button
              size="small"
              variant="secondary"
              disabled={!can("payouts:post")}
              onClick={() => setRecording(true)}
              data-testid="record-payout-open"
            >
              Record payout
            </Button>
            <Button
              size="small"
              disabled={!can("payouts:import")}
              onClick={() => setImporting(true)}
              data-testid="import-payouts-open"
            >
              Import
            </Button>
          </>
        }
        data-testid="payouts-list"
      />
      <UnmatchedPayouts onOpenPayout={setOpenId} />
      <PayoutDrawer payoutId={openId} onClose={() => setOpenId(null)} />
      <PayoutImportDrawer
        open={importing}
        onOpenChange={setImporting}
        defaultProvider={provider}
        onDone={(payouts) => notice.success(importedText(payouts))}
      />
      <PayoutRecordDrawer
        open={recording}
        onOpenChange={setRecording}
        defaultProvider={provider}
        onDone={(p) => notice.success(p.created ? `Payout ${p.number} posted` : importedText([p]))}
      />
    </>
  )
}

const PayoutsPage = () => (
  <AccountingPage
    title="Payouts"
    description="Processor payouts to the bank, matched to Medusa's captures and refunds."
  >
    <PayoutsList />
  </AccountingPage>
)

export const config = defineRouteConfig({ label: "Payouts", rank: 3 })

export default PayoutsPage
