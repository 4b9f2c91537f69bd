import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Drawer, Text, createDataTableColumnHelper, useDataTable } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { AccountingPage } from "../../../components/accounting-nav"
import { ActionDrawer } from "../../../components/action-drawer"
import { DateField, TextField } from "../../../components/form-field"
import { ListSection } from "../../../components/list-section"
import { ActionError, useNotice } from "../../../components/notice"
import { RowActions } from "../../../components/row-actions"
import { Section } from "../../../components/section"
import { DocumentStatus } from "../../../components/status"
import { useAccountingMutation, usePeriods, usePermissions } from "../../../hooks/accounting"
import type { Period } from "../../../../sdk/accounting-client"
import { accounting } from "../../../lib/sdk"
import { formatDate, formatDateTime } from "../../../lib/format"

const column = createDataTableColumnHelper<Period>()
const who = (user: Period["closed_by_user"]) => user?.name ?? "the system"

/** "Closed … by …" only while closed; after a reopen, who reopened it and when. */
const lastChange = (p: Period) =>
  p.status === "closed" && p.closed_at
    ? `Closed ${formatDateTime(p.closed_at)} by ${who(p.closed_by_user)}`
    : p.reopened_at
      ? `Reopened ${formatDateTime(p.reopened_at)} by ${who(p.reopened_by_user)}`
      : "–"

/** A new period: name and dates, each checked where it is typed. */
const NewPeriod = () => {
  const { can } = usePermissions()
  const notice = useNotice()
  const [name, setName] = useState("")
  const [start, setStart] = useState("")
  const [end, setEnd] = useState("")
  const [attempted, setAttempted] = useState(false)
  const create = useAccountingMutation(
    () => accounting.periods.create({ name: name.trim(), start_date: start, end_date: end }),
    { codeFields: { PERIOD_OVERLAP: "start_date" } }
  )
  const local: Record<string, string> = {}
  if (!name.trim()) local.name = "Name the period, e.g. 2026-11"
  if (!start) local.start_date = "Enter the first day"
  if (!end) local.end_date = "Enter the last day"
  else if (start && end < start) local.end_date = "The last day is before the first"
  const errors = { ...(attempted ? local : {}), ...(create.failure?.fields ?? {}) }
  return (
    <Section title="New period">
      <form
        className="grid grid-cols-[1fr_1fr_1fr_auto] items-start gap-4 px-6 py-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          setAttempted(true)
          if (Object.keys(local).length) {
            return
          }
          create.mutate(undefined, {
            onSuccess: (r) => {
              notice.success(`Period ${r.period.name} created`)
              setName("")
              setStart("")
              setEnd("")
              setAttempted(false)
            },
          })
        }}
      >
        <TextField label="Name" value={name} onChange={setName} placeholder="2026-11" error={errors.name} />
        <DateField label="First day" value={start} onChange={setStart} error={errors.start_date} />
        <DateField label="Last day" value={end} onChange={setEnd} error={errors.end_date} />
        <Button size="small" type="submit" className="mt-6" disabled={!can("periods:manage")} isLoading={create.isPending}>
          Create
        </Button>
        {create.failure && !Object.keys(create.failure.fields).length && (
          <div className="col-span-4">
            <ActionError message={create.failure.message} />
          </div>
        )}
      </form>
    </Section>
  )
}

/** Each close and reopen of a period, with who, when and why. */
const PeriodHistory = ({ period, onClose }: { period: Period | null; onClose: () => void }) => (
  <Drawer open={!!period} onOpenChange={(open) => !open && onClose()}>
    <Drawer.Content>
      <Drawer.Header>
        <Drawer.Title>History of {period?.name}</Drawer.Title>
        <Drawer.Description className="txt-small text-ui-fg-subtle">
          Every close and reopen, newest first, from the audit trail.
        </Drawer.Description>
      </Drawer.Header>
      <Drawer.Body className="flex flex-col gap-y-3" data-testid="period-history">
        {!period?.history.length && <Text size="small">Never closed.</Text>}
        {period?.history.map((h, i) => (
          <div key={i} className="flex flex-col border-b pb-2">
            <Text size="small" weight="plus">
              {h.action === "close" ? "Closed" : "Reopened"} {formatDateTime(h.at)} by {who(h.actor)}
            </Text>
            <Text size="small" className="text-ui-fg-subtle">
              {h.reason ?? "No reason given"}
            </Text>
          </div>
        ))}
      </Drawer.Body>
    </Drawer.Content>
  </Drawer>
)

/**
 * What stands between a period and its close: drafts, refunds not posted,
 * posting errors and reconciliation differences block it; unapplied payments
 * and clearing balances are shown to look at.
 */
const CloseChecklist = ({ periodId }: { periodId: string }) => {
  const checklist = useQuery({
    queryKey: ["accounting", "period-checklist", periodId],
    queryFn: () => accounting.periods.checklist(periodId),
  })
  if (checklist.isLoading) {
    return <Text size="small">Checking the period…</Text>
  }
  if (!checklist.data) {
    return <ActionError message="The checklist could not be loaded" />
  }
  const { items, can_close } = checklist.data.checklist
  return (
    <div className="flex flex-col gap-y-2" data-testid="close-checklist">
      <Text size="small" weight="plus">
        {can_close ? "Ready to close: nothing blocks it." : "Close checklist: clear the blocking items or force the close."}
      </Text>
      {items.map((item) => (
        <div key={item.key} className="flex flex-col" data-testid={`checklist-${item.key}`}>
          <div className="flex items-center gap-x-2">
            <Badge size="2xsmall" color={item.count === 0 ? "green" : item.blocking ? "red" : "orange"}>
              {item.count}
            </Badge>
            <Text size="small">{item.label}</Text>
          </div>
          {item.entries.slice(0, 5).map((e, i) => (
            // One clearing account shows once per currency: the id alone is not unique.
            <Text key={`${e.id}:${e.currency_code ?? ""}:${i}`} size="xsmall" className="text-ui-fg-subtle pl-8">
              {[e.date, e.reference, e.amount && `${e.amount} ${e.currency_code?.toUpperCase() ?? ""}`]
                .filter(Boolean)
                .join(" · ")}
            </Text>
          ))}
        </div>
      ))}
    </div>
  )
}

/** Accounting periods: a closed period takes no posting, void or reversal dated inside it. */
const PeriodsList = () => {
  const { can } = usePermissions()
  const notice = useNotice()
  const periods = usePeriods()
  const [changing, setChanging] = useState<Period | null>(null)
  const [history, setHistory] = useState<Period | null>(null)
  const change = useAccountingMutation((v: { period: Period; reason: string; force?: boolean }) =>
    v.period.status === "open"
      ? accounting.periods.close(v.period.id, v.reason, v.force)
      : accounting.periods.reopen(v.period.id, v.reason)
  )
  const columns = [
    column.accessor("name", { header: "Name" }),
    column.accessor("start_date", { header: "From", cell: ({ getValue }) => formatDate(getValue()) }),
    column.accessor("end_date", { header: "To", cell: ({ getValue }) => formatDate(getValue()) }),
    column.accessor("status", { header: "Status", cell: ({ getValue }) => <DocumentStatus status={getValue()} /> }),
    column.display({
      id: "change",
      header: "Last change",
      cell: ({ row }) => (
        <div className="flex flex-col">
          <Text size="small">{lastChange(row.original)}</Text>
          {row.original.history[0]?.reason && (
            <Text size="xsmall" className="text-ui-fg-subtle">
              {row.original.history[0].reason}
            </Text>
          )}
        </div>
      ),
    }),
    column.display({
      id: "actions",
      cell: ({ row }) => {
        const p = row.original
        return (
          <RowActions
            label={`Actions for period ${p.name}`}
            actions={[
              can("periods:manage") && {
                label: p.status === "open" ? "Close period…" : "Reopen period…",
                onClick: () => setChanging(p),
                danger: p.status === "open",
              },
              !!p.history.length && { label: "History", onClick: () => setHistory(p) },
            ]}
          />
        )
      },
    }),
  ]
  const table = useDataTable({
    data: periods.data?.periods ?? [],
    columns,
    getRowId: (p) => p.id,
    rowCount: periods.data?.count ?? 0,
    isLoading: periods.isLoading,
  })
  const closing = changing?.status === "open"
  return (
    <>
      <ListSection
        title="Periods"
        table={table}
        query={periods}
        what="Periods"
        emptyText="No periods: every date is open for posting."
        data-testid="periods-list"
      />
      <ActionDrawer
        open={!!changing}
        onOpenChange={(open) => {
          if (!open) {
            change.reset()
            setChanging(null)
          }
        }}
        title={`${closing ? "Close" : "Reopen"} period ${changing?.name ?? ""}`}
        description={
          closing
            ? `Nothing can be posted, voided or reversed with a date from ${formatDate(changing?.start_date)} to ${formatDate(changing?.end_date)} once it is closed. The reason is kept in the audit trail.`
            : "Postings dated in the period are accepted again. Reopening a closed period is recorded in the audit trail with your reason."
        }
        confirmLabel={closing ? "Close period" : "Reopen period"}
        danger={closing}
        reason={{ label: "Reason", required: true, hint: "Kept in the period's history" }}
        option={closing ? { label: "Close even with blocking items (forced; recorded in the audit trail)" } : undefined}
        isPending={change.isPending}
        failure={change.failure}
        onConfirm={({ reason, option }) =>
          change.mutate(
            { period: changing!, reason: reason!, force: !!option },
            {
              onSuccess: (r) => {
                setChanging(null)
                notice.success(`Period ${r.period.name} ${r.period.status === "closed" ? "closed" : "reopened"}`)
              },
            }
          )
        }
      >
        {closing && changing && <CloseChecklist periodId={changing.id} />}
      </ActionDrawer>
      <PeriodHistory
        period={history && (periods.data?.periods.find((p) => p.id === history.id) ?? history)}
        onClose={() => setHistory(null)}
      />
    </>
  )
}

const PeriodsPage = () => (
  <AccountingPage
    title="Periods"
    description="Close a period when its books are final; reopening is allowed and recorded in the audit trail."
  >
    <NewPeriod />
    <PeriodsList />
  </AccountingPage>
)

export const config = defineRouteConfig({ label: "Periods", rank: 5 })

export default PeriodsPage
