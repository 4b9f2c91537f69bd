import { StatusBadge } from "@medusajs/ui"

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
