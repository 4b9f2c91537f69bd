import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Input, Label, Select, Table, Tabs, Text, clx } from "@medusajs/ui"
import { useState } from "react"
import { AccountingNav } from "../../../components/accounting-nav"
import { AgingBars } from "../../../components/aging-bars"
import { DateField } from "../../../components/date-field"
import { DownloadButtons } from "../../../components/download-buttons"
import { Money } from "../../../components/money"
import { Empty, Loading, Section } from "../../../components/section"
import { ReconciledBadge } from "../../../components/status"
import { usePermissions, useReport } from "../../../hooks/accounting"
import type { ReportName, ReportResponse } from "../../../../sdk/accounting-client"
import { todayIso } from "../../../lib/format"

/** Any report as a table: sections (one per currency), rows, totals in bold. */
const ReportTable = ({
  report,
  highlight,
}: {
  report: ReportResponse
  highlight?: (row: Record<string, any>) => boolean
}) => (
  <>
    {report.sections.map((section) => (
      <div key={section.name} className="border-t">
        <Text weight="plus" className="px-6 pt-4">
          {section.name}
        </Text>
        <Table>
          <Table.Header>
            <Table.Row>
              {report.columns.map((c) => (
                <Table.HeaderCell key={c.key} className={c.type === "money" ? "text-right" : undefined}>
                  {c.header}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {[
              ...section.rows.map((r) => ({ r, total: false })),
              ...section.totals.map((r) => ({ r, total: true })),
            ].map(({ r, total }, i) => (
              <Table.Row
                key={i}
                className={clx(total && "font-medium", highlight?.(r) && "bg-ui-tag-red-bg")}
                data-testid={highlight?.(r) ? "difference-row" : undefined}
              >
                {report.columns.map((c) => (
                  <Table.Cell key={c.key} className={c.type === "money" ? "text-right" : undefined}>
                    {c.type === "money" && r[c.key] !== undefined && r[c.key] !== "" ? (
                      <Money amount={r[c.key]} currency={r.currency_code} />
                    ) : (
                      <Text size="small" className="max-w-[280px] truncate">
                        {String(r[c.key] ?? "")}
                      </Text>
                    )}
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    ))}
  </>
)

const AgingTab = () => {
  const [asOf, setAsOf] = useState(todayIso())
  const [basis, setBasis] = useState("due")
  const [buckets, setBuckets] = useState("30,60,90")
  const query = { as_of: asOf, basis, buckets }
  const report = useReport("ar-aging", query)
  const data = report.data
  return (
    <Section
      title="AR aging"
      subtitle="Per customer; credits are negative until applied or refunded."
      actions={<DownloadButtons report="ar-aging" query={query} />}
    >
      <div className="grid grid-cols-3 gap-4 px-6 py-4">
        <DateField label="As of" value={asOf} onChange={setAsOf} />
        <div>
          <Label size="small">Age by</Label>
          <Select value={basis} onValueChange={setBasis}>
            <Select.Trigger>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="due">Due date</Select.Item>
              <Select.Item value="document">Document date</Select.Item>
            </Select.Content>
          </Select>
        </div>
        <div>
          <Label size="small">Buckets (days)</Label>
          <Input value={buckets} onChange={(e) => setBuckets(e.target.value)} />
        </div>
      </div>
      {report.isLoading && <Loading />}
      {report.error && <Empty>{(report.error as Error).message}</Empty>}
      {data?.sections.map((section) => {
        const total = section.totals[0] ?? {}
        const labels = data.buckets ?? []
        return (
          <div key={section.name} className="px-6 py-4">
            <Text weight="plus" className="mb-2">
              {section.name}
            </Text>
            <AgingBars
              currency={section.name.toLowerCase()}
              buckets={labels.map((label, i) => ({ label, amount: Number(total[`bucket_${i}`] ?? 0) }))}
            />
          </div>
        )
      })}
      {data && !data.sections.length && <Empty>Nothing open as of {asOf}.</Empty>}
      {data && (
        <ReportTable report={data} highlight={(r) => r.customer === "Difference" && Number(r.total) !== 0} />
      )}
    </Section>
  )
}

const SimpleReportTab = ({
  name,
  title,
  subtitle,
  period,
  highlight,
}: {
  name: ReportName
  title: string
  subtitle: string
  period?: boolean
  highlight?: (r: Record<string, any>) => boolean
}) => {
  const [from, setFrom] = useState(`${todayIso().slice(0, 8)}01`)
  const [to, setTo] = useState(todayIso())
  const [asOf, setAsOf] = useState(todayIso())
  const query = period ? { from, to } : { as_of: asOf }
  const report = useReport(name, query)
  return (
    <Section title={title} subtitle={subtitle} actions={<DownloadButtons report={name} query={query} />}>
      <div className="grid grid-cols-3 gap-4 px-6 py-4">
        {period ? (
          <>
            <DateField label="From" value={from} onChange={setFrom} />
            <DateField label="To" value={to} onChange={setTo} />
          </>
        ) : (
          <DateField label="As of" value={asOf} onChange={setAsOf} />
        )}
        {report.data?.reconciled !== undefined && (
          <div className="flex items-end">
            <ReconciledBadge report={report.data} />
          </div>
        )}
      </div>
      {report.isLoading && <Loading />}
      {report.error && <Empty>{(report.error as Error).message}</Empty>}
      {report.data && <ReportTable report={report.data} highlight={highlight} />}
    </Section>
  )
}

/** Reports finance downloads: on screen, and as CSV, XLSX or PDF. */
const ReportsPage = () => {
  const { can } = usePermissions()
  return (
    <div className="flex flex-col gap-y-3">
      <AccountingNav
        title="Reports"
        description="Computed in the database as of any day; files stream however large."
      />
      {!can("reports:view") ? (
        <Container>
          <Empty>You do not have the reports:view permission.</Empty>
        </Container>
      ) : (
        <Tabs defaultValue="aging">
          <Tabs.List>
            <Tabs.Trigger value="aging">AR aging</Tabs.Trigger>
            <Tabs.Trigger value="audit">Refund audit trail</Tabs.Trigger>
            <Tabs.Trigger value="reconciliation">Reconciliation</Tabs.Trigger>
            <Tabs.Trigger value="trial-balance">Trial balance</Tabs.Trigger>
            <Tabs.Trigger value="general-ledger">General ledger</Tabs.Trigger>
          </Tabs.List>
          <div className="pt-3">
            <Tabs.Content value="aging">
              <AgingTab />
            </Tabs.Content>
            <Tabs.Content value="audit">
              <SimpleReportTab
                name="refund-audit"
                period
                title="Refund audit trail"
                subtitle="Every credit memo and refund of the period: who, when, from what, booked where."
              />
            </Tabs.Content>
            <Tabs.Content value="reconciliation">
              <SimpleReportTab
                name="reconciliation"
                title="Reconciliation"
                subtitle="Each difference is listed with the documents that cause it."
                highlight={(r) =>
                  r.difference !== undefined && r.difference !== "" && Number(r.difference) !== 0
                }
              />
            </Tabs.Content>
            <Tabs.Content value="trial-balance">
              <SimpleReportTab
                name="trial-balance"
                title="Trial balance"
                subtitle="Debits, credits and balance per account and currency."
              />
            </Tabs.Content>
            <Tabs.Content value="general-ledger">
              <SimpleReportTab
                name="general-ledger"
                period
                title="General ledger"
                subtitle="Lines by account with opening and running balance."
              />
            </Tabs.Content>
          </div>
        </Tabs>
      )}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Reports", rank: 4 })

export default ReportsPage
