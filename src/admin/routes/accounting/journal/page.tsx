import { defineRouteConfig } from "@medusajs/admin-sdk"
import {
  Badge,
  Button,
  Input,
  Text,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
} from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useSearchParams } from "react-router-dom"
import { AccountingPage } from "../../../components/accounting-nav"
import { CustomerPicker, useDebounced } from "../../../components/customer-picker"
import { Field } from "../../../components/form-field"
import { JournalEntryDrawer } from "../../../components/journal-entry-drawer"
import { ListSection } from "../../../components/list-section"
import { Money } from "../../../components/money"
import { useNotice } from "../../../components/notice"
import { DocumentStatus } from "../../../components/status"
import { useAccountingMutation, useAccounts, useJournal } from "../../../hooks/accounting"
import { localDay, useListState } from "../../../hooks/list-filters"
import { useListTable } from "../../../hooks/list-table"
import type { JournalEntry } from "../../../../sdk/accounting-client"
import { accounting } from "../../../lib/sdk"
import { errorMessage } from "../../../lib/errors"
import { formatDate, orderLabel, SOURCE_TYPES, sourceTypeLabel, todayIso } from "../../../lib/format"

const PAGE = 25
const column = createDataTableColumnHelper<JournalEntry>()
const filter = createDataTableFilterHelper<JournalEntry>()

const daysAgo = (n: number) => {
  const d = new Date()
  d.setDate(d.getDate() - n)
  return localDay(d.toISOString())!
}

const COLUMNS = [
  column.accessor("number", { header: "Number", cell: ({ getValue }) => getValue() ?? "Draft" }),
  column.accessor("entry_date", { header: "Date", cell: ({ getValue }) => formatDate(getValue()) }),
  column.accessor("memo", { header: "Memo", cell: ({ getValue }) => getValue() ?? "–" }),
  column.accessor("source_type", { header: "Source", cell: ({ getValue }) => sourceTypeLabel(getValue()) }),
  column.accessor("customer", { header: "Customer", cell: ({ getValue }) => getValue()?.name ?? "–" }),
  column.accessor("order", {
    header: "Order",
    cell: ({ getValue }) => (getValue() ? orderLabel(getValue()) : "–"),
  }),
  column.accessor("amount", {
    header: "Amount",
    align: "right",
    cell: ({ row }) => <Money amount={row.original.amount} currency={row.original.currency_code} />,
  }),
  column.accessor("status", {
    header: "Status",
    cell: ({ getValue }) => <DocumentStatus status={getValue()} />,
  }),
]

/** Customer and order number: filters kept in the URL like the table's own; the order waits for a whole number. */
const PartyFilters = ({
  customerId,
  order,
  onCustomer,
  onOrder,
}: {
  customerId: string
  order: string
  onCustomer: (id: string) => void
  onOrder: (number: string) => void
}) => {
  const [text, setText] = useState(order)
  const typed = useDebounced(text, 400)
  useEffect(() => setText(order), [order])
  useEffect(() => {
    const number = typed.trim().replace(/^#/, "")
    if ((number === "" || /^\d+$/.test(number)) && number !== order) {
      onOrder(number)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed])
  const invalid = !!text.trim() && !/^#?\d+$/.test(text.trim())
  return (
    <div className="grid grid-cols-[2fr_1fr_auto] items-start gap-4 px-6 py-4">
      <CustomerPicker value={customerId} onChange={onCustomer} />
      <Field
        label="Order number"
        hint="Finds the order's entries and those of its credit memos and refunds"
        error={invalid ? "Enter the order's number, e.g. 11 or #11" : null}
      >
        {(control) => (
          <Input
            {...control}
            type="search"
            placeholder="#11"
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="journal-order"
          />
        )}
      </Field>
      {(customerId || order) && (
        <Button
          size="small"
          variant="transparent"
          className="mt-6"
          onClick={() => {
            onCustomer("")
            onOrder("")
          }}
        >
          Clear customer and order
        </Button>
      )}
    </div>
  )
}

/** The journal: entries with amounts, filters, the entry drawer, and the hash-chain check. */
const JournalList = () => {
  const notice = useNotice()
  const accounts = useAccounts()
  const [params, setParams] = useSearchParams()
  const state = useListState({
    pageSize: PAGE,
    filterIds: ["status", "source_type", "entry_date", "account_id"],
    extraIds: ["customer_id", "order"],
  })
  const date = state.filtering.entry_date as { $gte?: string; $lte?: string } | undefined
  const list = useJournal({
    ...state.page,
    order: "-chain_seq",
    status: state.filtering.status as string | undefined,
    source_type: state.filtering.source_type as string | undefined,
    account_id: state.filtering.account_id as string | undefined,
    date_from: localDay(date?.$gte),
    date_to: localDay(date?.$lte),
    customer_id: state.extras.customer_id || undefined,
    order_display_id: state.extras.order || undefined,
  })
  // The open entry is in the URL too, so a widget can link to it.
  const openId = params.get("entry")
  const setOpenId = (id: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        if (id) {
          next.set("entry", id)
        } else {
          next.delete("entry")
        }
        return next
      },
      { replace: true }
    )
  const verify = useAccountingMutation(() => accounting.journal.verify())

  const filters = [
    filter.accessor("status", {
      type: "radio",
      label: "Status",
      options: [
        { value: "draft", label: "Draft" },
        { value: "posted", label: "Posted" },
        { value: "reversed", label: "Reversed" },
      ],
    }),
    filter.accessor("source_type", {
      type: "radio",
      label: "Source",
      options: Object.entries(SOURCE_TYPES).map(([value, label]) => ({ value, label })),
    }),
    filter.accessor("entry_date", {
      type: "date",
      label: "Date",
      format: "date",
      rangeOptionLabel: "Custom range",
      options: [
        { label: "Today", value: { $gte: todayIso() } },
        { label: "Last 7 days", value: { $gte: daysAgo(7) } },
        { label: "Last 30 days", value: { $gte: daysAgo(30) } },
        { label: "Last 90 days", value: { $gte: daysAgo(90) } },
      ],
    }),
    // Entries with a line on the account: not a column of the entry, hence a filter of its own id.
    filter.custom({
      id: "account_id",
      type: "radio",
      label: "Account",
      options: (accounts.data?.accounts ?? []).map((a) => ({ value: a.id, label: `${a.code} ${a.name}` })),
    }),
  ]

  const table = useListTable({
    data: list.data?.journal_entries ?? [],
    columns: COLUMNS,
    rowCount: list.data?.count ?? 0,
    isLoading: list.isLoading,
    filters,
    onRowClick: (_, row) => setOpenId(row.id),
    state,
  })

  return (
    <>
      <ListSection
        title="Journal entries"
        table={table}
        query={list}
        what="The journal"
        searchPlaceholder="Number or memo"
        emptyText="No journal entries yet"
        data-testid="journal-list"
        actions={
          <>
            {verify.data && (
              <Badge color={verify.data.valid ? "green" : "red"} data-testid="verify-result">
                {verify.data.valid
                  ? `Chain intact (${verify.data.checked} entries)`
                  : `Broken at ${verify.data.first_broken_number ?? verify.data.first_broken_id}: ${verify.data.reason}`}
              </Badge>
            )}
            {verify.failure && (
              <Text size="small" className="text-ui-fg-error">
                {errorMessage(verify.error)}
              </Text>
            )}
            <Button
              size="small"
              variant="secondary"
              className="whitespace-nowrap"
              isLoading={verify.isPending}
              onClick={() => verify.mutate(undefined)}
              data-testid="verify-journal"
            >
              Verify chain
            </Button>
          </>
        }
        below={
          <PartyFilters
            customerId={state.extras.customer_id}
            order={state.extras.order}
            onCustomer={(id) => state.setExtra("customer_id", id)}
            onOrder={(number) => state.setExtra("order", number)}
          />
        }
      />
      <JournalEntryDrawer
        entryId={openId}
        onOpen={setOpenId}
        onClose={() => setOpenId(null)}
        onDone={(text) => notice.success(text)}
      />
    </>
  )
}

const JournalPage = () => (
  <AccountingPage
    title="Journal"
    description="Every posting, append-only: corrections are reversals, and each entry is chained to the previous by its hash."
  >
    <JournalList />
  </AccountingPage>
)

export const config = defineRouteConfig({ label: "Journal", rank: 3 })

export default JournalPage
