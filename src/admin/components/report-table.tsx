import { Text, clx } from "@medusajs/ui"
import type { ReportResponse } from "../../sdk/accounting-client"
import { docTypeLabel, formatDate, methodLabel, sourceTypeLabel, statusLabel } from "../lib/format"
import { Money } from "./money"

type Row = Record<string, unknown>
type Column = ReportResponse["columns"][number]

/** Enum values as people read them ("Store credit", not `store_credit`), by column. */
const ENUMS: Partial<Record<string, (v: string) => string>> = {
  status: statusLabel,
  method: methodLabel,
  source: sourceTypeLabel,
  type: (v) => (/^[a-z_]+$/.test(v) ? docTypeLabel(v) : v),
}

const Cell = ({ column, row }: { column: Column; row: Row }) => {
  const value = row[column.key]
  if (value === undefined || value === null || value === "") {
    return null
  }
  if (column.type === "money") {
    return <Money amount={value as string | number} currency={row.currency_code as string} />
  }
  if (column.type === "date") {
    return <>{formatDate(String(value))}</>
  }
  const text = String(value)
  const label = ENUMS[column.key]
  return <>{label && /^[a-z_]+$/.test(text) ? label(text) : column.key === "currency_code" ? text.toUpperCase() : text}</>
}

/**
 * A report as a table inside its card: it scrolls within the card (both
 * ways) with the header and the first column kept in view; totals in bold.
 */
export const ReportTable = ({
  report,
  highlight,
}: {
  report: ReportResponse
  highlight?: (row: Row) => boolean
}) => (
  <>
    {report.sections.map((section) => (
      <div key={section.name} className="border-t" data-testid="report-section">
        <Text weight="plus" className="px-6 py-3">
          {section.name}
        </Text>
        <div className="max-h-[520px] overflow-auto border-t" data-testid="report-scroll">
          <table className="txt-compact-small w-full border-separate border-spacing-0">
            <thead>
              <tr>
                {report.columns.map((c, i) => (
                  <th
                    key={c.key}
                    scope="col"
                    className={clx(
                      "bg-ui-bg-subtle text-ui-fg-subtle sticky top-0 whitespace-nowrap border-b px-4 py-2 text-left font-medium",
                      c.type === "money" && "text-right",
                      i === 0 && "left-0 z-[2]",
                      i !== 0 && "z-[1]"
                    )}
                  >
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[
                ...section.rows.map((r) => ({ r, total: false })),
                ...section.totals.map((r) => ({ r, total: true })),
              ].map(({ r, total }, i) => {
                const flagged = highlight?.(r)
                return (
                  <tr
                    key={i}
                    className={clx(total && "font-medium", flagged && "bg-ui-tag-red-bg")}
                    data-testid={flagged ? "difference-row" : total ? "report-total" : "report-row"}
                  >
                    {report.columns.map((c, j) => (
                      <td
                        key={c.key}
                        className={clx(
                          "max-w-[320px] truncate whitespace-nowrap border-b px-4 py-2",
                          c.type === "money" && "text-right tabular-nums",
                          j === 0 && "sticky left-0 z-[1]",
                          j === 0 && (flagged ? "bg-ui-tag-red-bg" : "bg-ui-bg-base")
                        )}
                        title={typeof r[c.key] === "string" ? (r[c.key] as string) : undefined}
                      >
                        <Cell column={c} row={r} />
                      </td>
                    ))}
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      </div>
    ))}
  </>
)

