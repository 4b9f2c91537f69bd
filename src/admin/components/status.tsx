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
