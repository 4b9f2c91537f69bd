import { Badge, StatusBadge } from "@medusajs/ui"
import { statusLabel } from "../lib/format"

const COLORS: Record<string, "green" | "orange" | "red" | "grey" | "blue" | "purple"> = {
  draft: "grey",
  posting: "orange",
  money_moved: "orange",
  posted: "green",
  issued: "green",
  voided: "grey",
  reversed: "purple",
  applied: "blue",
  refunded: "purple",
  open: "green",
  closed: "grey",
  pending: "orange",
  resolved: "green",
}

/** A document's status as a person reads it ("Paid, booking pending", not `money_moved`). */
export const DocumentStatus = ({ status }: { status: string }) => (
  <StatusBadge color={COLORS[status] ?? "grey"} className="whitespace-nowrap">
    {statusLabel(status)}
  </StatusBadge>
)

/** The verdict of a reconciliation report: reconciled, or how many differences. */
export const ReconciledBadge = ({
  report,
  "data-testid": testId,
}: {
  report: { reconciled?: boolean; differences?: number }
  "data-testid"?: string
}) => (
  <Badge color={report.reconciled ? "green" : "red"} data-testid={testId}>
    {report.reconciled
      ? "Reconciled"
      : `${report.differences} difference${report.differences === 1 ? "" : "s"}`}
  </Badge>
)

/** A draft's place in maker-checker: "Awaiting approval", "Approved" or "Rejected" (nothing when not needed). */
export const ApprovalBadge = ({
  doc,
}: {
  doc: { status: string; approval_status?: string; rejection_reason?: string | null }
}) => {
  if (doc.status !== "draft" || !doc.approval_status || doc.approval_status === "not_required") {
    return null
  }
  const look = {
    pending: { color: "orange", text: "Awaiting approval" },
    approved: { color: "green", text: "Approved" },
    rejected: { color: "red", text: "Rejected" },
  }[doc.approval_status] as { color: "orange" | "green" | "red"; text: string } | undefined
  return look ? (
    <Badge size="2xsmall" color={look.color} title={doc.rejection_reason ?? undefined} data-testid="approval-badge">
      {look.text}
    </Badge>
  ) : null
}
