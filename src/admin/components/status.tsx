import { Badge, StatusBadge } from "@medusajs/ui"

const COLORS: Record<string, "green" | "orange" | "red" | "grey" | "blue" | "purple"> = {
  draft: "grey",
  posting: "orange",
  posted: "green",
  issued: "green",
  voided: "red",
  reversed: "purple",
  open: "green",
  closed: "grey",
  pending: "orange",
  resolved: "green",
}

export const DocumentStatus = ({ status }: { status: string }) => (
  <StatusBadge color={COLORS[status] ?? "grey"} className="capitalize">
    {status}
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
    {report.reconciled ? "Reconciled" : `${report.differences} difference(s)`}
  </Badge>
)
