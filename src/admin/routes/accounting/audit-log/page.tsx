import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Alert, Button } from "@medusajs/ui"
import { useState } from "react"
import { AccountingPage } from "../../../components/accounting-nav"
import { DownloadButtons } from "../../../components/download-buttons"
import { DateField, TextField } from "../../../components/form-field"
import { ReportTable } from "../../../components/report-table"
import { Empty, LoadError, Loading, Section } from "../../../components/section"
import { useReport } from "../../../hooks/accounting"
import type { AuditVerifyResult } from "../../../../sdk/accounting-client"
import { accounting } from "../../../lib/sdk"
import { errorMessage } from "../../../lib/errors"
import { todayIso } from "../../../lib/format"

/** Every audited action with its user and before/after values; filters, downloads and the chain check. */
const AuditLog = () => {
  const [from, setFrom] = useState(`${todayIso().slice(0, 8)}01`)
  const [to, setTo] = useState(todayIso())
  const [actor, setActor] = useState("")
  const [action, setAction] = useState("")
  const [entityType, setEntityType] = useState("")
  const [entityId, setEntityId] = useState("")
  const [verify, setVerify] = useState<AuditVerifyResult | string | null>(null)
  const query = {
    from,
    to,
    actor_id: actor.trim() || undefined,
    action: action.trim() || undefined,
    entity_type: entityType.trim() || undefined,
    entity_id: entityId.trim() || undefined,
  }
  const complete = !!from && !!to && from <= to
  const report = useReport("audit-log", query, complete)
  const rows = report.data?.sections.flatMap((s) => s.rows) ?? []
  return (
    <Section
      title="Audit log"
      subtitle="Append-only and hash-chained: an edit made behind the application is found by Verify."
      actions={
        <>
          <Button
            size="small"
            variant="secondary"
            data-testid="audit-verify"
            onClick={async () => {
              try {
                setVerify(await accounting.auditLog.verify())
              } catch (e) {
                setVerify(errorMessage(e))
              }
            }}
          >
            Verify
          </Button>
          <DownloadButtons report="audit-log" query={query} disabled={!complete} />
        </>
      }
      data-testid="audit-log"
    >
      {verify && (
        <div className="px-6 py-4">
          {typeof verify === "string" ? (
            <Alert variant="error">{verify}</Alert>
          ) : verify.valid ? (
            <Alert variant="success" data-testid="audit-verified">
              The chain is intact: {verify.checked} rows checked.
            </Alert>
          ) : (
            <Alert variant="error" data-testid="audit-broken">
              Row {verify.first_broken_seq} ({verify.first_broken_id}) fails: {verify.reason}.
            </Alert>
          )}
        </div>
      )}
      <div className="grid grid-cols-3 gap-4 px-6 py-4">
        <DateField label="From" value={from} onChange={setFrom} error={from ? null : "Enter a date"} />
        <DateField
          label="To"
          value={to}
          onChange={setTo}
          error={to && from > to ? "Before From" : to ? null : "Enter a date"}
        />
        <TextField
          label="User id"
          value={actor}
          onChange={setActor}
          placeholder="user_…"
          data-testid="audit-actor"
        />
        <TextField
          label="Action"
          value={action}
          onChange={setAction}
          placeholder="post, void, approve…"
          data-testid="audit-action"
        />
        <TextField
          label="Record type"
          value={entityType}
          onChange={setEntityType}
          placeholder="customer_refund, role…"
          data-testid="audit-entity-type"
        />
        <TextField
          label="Record id"
          value={entityId}
          onChange={setEntityId}
          placeholder="cref_…"
          data-testid="audit-entity-id"
        />
      </div>
      {report.isLoading && <Loading />}
      {report.error && (
        <LoadError error={report.error} what="The audit log" onRetry={() => report.refetch()} />
      )}
      {report.data && !rows.length && <Empty>No audited action matches.</Empty>}
      {report.data && !!rows.length && <ReportTable report={report.data} />}
    </Section>
  )
}

const AuditLogPage = () => (
  <AccountingPage title="Audit log" description="Who did what, when, with the values before and after.">
    <AuditLog />
  </AccountingPage>
)

export const config = defineRouteConfig({ label: "Audit log", rank: 9 })

export default AuditLogPage
