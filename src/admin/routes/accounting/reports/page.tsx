import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Input, Select, Tabs, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useSearchParams } from "react-router-dom"
import { AccountingPage } from "../../../components/accounting-nav"
import { AgingBars } from "../../../components/aging-bars"
import { useDebounced } from "../../../components/customer-picker"
import { DownloadButtons } from "../../../components/download-buttons"
import { DateField, Field } from "../../../components/form-field"
import { ReportTable } from "../../../components/report-table"
import { Empty, LoadError, Loading, Section } from "../../../components/section"
import { ReconciledBadge } from "../../../components/status"
import { usePermissions, useReport } from "../../../hooks/accounting"
import type { ReportName } from "../../../../sdk/accounting-client"
import { todayIso } from "../../../lib/format"
import { parseBuckets } from "../../../lib/buckets"
import { toDecimal } from "../../../lib/money"

const AgingTab = () => {
  const [asOf, setAsOf] = useState(todayIso())
  const [basis, setBasis] = useState("due")
  const [bucketsText, setBucketsText] = useState("30, 60, 90")
  const [buckets, setBuckets] = useState("30,60,90")
  // A request only once the typing pauses on a complete, valid entry.
  const typed = useDebounced(bucketsText, 500)
  const parsed = parseBuckets(typed)
  useEffect(() => {
    if (parsed.value) {
      setBuckets(parsed.value)
    }
  }, [parsed.value])
  const query = { as_of: asOf, basis, buckets }
  const report = useReport("ar-aging", query, !!asOf)
  const data = report.data
  return (
    <Section
      title="AR aging"
      subtitle="Per customer; credits are negative until applied or refunded."
      actions={<DownloadButtons report="ar-aging" query={query} disabled={!asOf} />}
      data-testid="report-ar-aging"
    >
      <div className="grid grid-cols-3 gap-4 px-6 py-4">
        <DateField label="As of" value={asOf} onChange={setAsOf} error={asOf ? null : "Enter a date"} />
        <Field label="Age by">
          {(control) => (
            <Select value={basis} onValueChange={setBasis}>
              <Select.Trigger {...control}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="due">Due date</Select.Item>
                <Select.Item value="document">Document date</Select.Item>
              </Select.Content>
            </Select>
          )}
        </Field>
        <Field
          label="Buckets (days)"
          hint="Upper limits of each bucket, e.g. 30, 60, 90"
          error={typed === bucketsText ? parsed.error : null}
        >
          {(control) => (
            <Input
              {...control}
              value={bucketsText}
              onChange={(e) => setBucketsText(e.target.value)}
              data-testid="aging-buckets"
            />
          )}
        </Field>
      </div>
      {report.isLoading && <Loading />}
      {report.error && <LoadError error={report.error} what="The aging" onRetry={() => report.refetch()} />}
      {data?.sections.map((section) => {
        const total = section.totals[0] ?? {}
        return (
          <div key={section.name} className="px-6 py-4">
            <Text weight="plus" className="mb-2">
              {section.name}
            </Text>
            <AgingBars
              currency={section.name.toLowerCase()}
              buckets={(data.buckets ?? []).map((label, i) => ({
                label,
                amount: (total[`bucket_${i}`] as string | number | undefined) ?? 0,
              }))}
            />
          </div>
        )
      })}
      {data && !data.sections.length && <Empty>Nothing open as of {asOf}.</Empty>}
      {data && (
        <ReportTable
          report={data}
          highlight={(r) => r.customer === "Difference" && !toDecimal(r.total as string).isZero()}
        />
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
  highlight?: (r: Record<string, unknown>) => boolean
}) => {
  const [from, setFrom] = useState(`${todayIso().slice(0, 8)}01`)
  const [to, setTo] = useState(todayIso())
  const [asOf, setAsOf] = useState(todayIso())
  const query = period ? { from, to } : { as_of: asOf }
  const complete = period ? !!from && !!to && from <= to : !!asOf
  const report = useReport(name, query, complete)
  return (
    <Section
      title={title}
      subtitle={subtitle}
      actions={<DownloadButtons report={name} query={query} disabled={!complete} />}
      data-testid={`report-${name}`}
    >
      <div className="grid grid-cols-3 gap-4 px-6 py-4">
        {period ? (
          <>
            <DateField label="From" value={from} onChange={setFrom} error={from ? null : "Enter a date"} />
            <DateField
              label="To"
              value={to}
              onChange={setTo}
              error={!to ? "Enter a date" : from && to < from ? "The end is before the start" : null}
            />
          </>
        ) : (
          <DateField label="As of" value={asOf} onChange={setAsOf} error={asOf ? null : "Enter a date"} />
        )}
        {report.data?.reconciled !== undefined && (
          <div className="flex items-end">
            <ReconciledBadge report={report.data} data-testid="report-verdict" />
          </div>
        )}
      </div>
      {report.isLoading && <Loading />}
      {report.error && <LoadError error={report.error} what={title} onRetry={() => report.refetch()} />}
      {report.data && !report.data.sections.length && <Empty>Nothing in this period.</Empty>}
      {report.data && <ReportTable report={report.data} highlight={highlight} />}
    </Section>
  )
}

const TABS = ["aging", "audit", "reconciliation", "trial-balance", "general-ledger"] as const

/** Reports finance downloads: on screen, and as CSV, XLSX or PDF. The open report is in the URL. */
const ReportsPage = () => {
  const { can } = usePermissions()
  const [params, setParams] = useSearchParams()
  const tab = TABS.find((t) => t === params.get("report")) ?? "aging"
  return (
    <AccountingPage title="Reports" description="Computed in the database as of any day; files stream however large.">
      {!can("reports:view") ? (
        <Container>
          <Empty>You do not have the reports:view permission.</Empty>
        </Container>
      ) : (
        <Tabs value={tab} onValueChange={(value) => setParams({ report: value }, { replace: true })}>
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
                  r.difference !== undefined && r.difference !== "" && !toDecimal(r.difference as string).isZero()
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
    </AccountingPage>
  )
}

export const config = defineRouteConfig({ label: "Reports", rank: 4 })

export default ReportsPage
