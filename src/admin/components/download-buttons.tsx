import { Button, toast } from "@medusajs/ui"
import { useState } from "react"
import type { ReportName } from "../../sdk/accounting-client"
import { accounting } from "../lib/sdk"
import { errorMessage, saveBlob } from "../lib/format"

/** CSV / XLSX / PDF of a report with the filters on screen. */
export const DownloadButtons = ({ report, query }: { report: ReportName; query: Record<string, any> }) => {
  const [busy, setBusy] = useState<string | null>(null)
  const download = async (format: "csv" | "xlsx" | "pdf") => {
    setBusy(format)
    try {
      const { blob, filename } = await accounting.reports.file(report, format, query)
      saveBlob(blob, filename)
    } catch (e) {
      toast.error(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }
  return (
    <div className="flex gap-x-2">
      {(["csv", "xlsx", "pdf"] as const).map((f) => (
        <Button
          key={f}
          size="small"
          variant="secondary"
          isLoading={busy === f}
          onClick={() => download(f)}
          data-testid={`download-${f}`}
        >
          {f.toUpperCase()}
        </Button>
      ))}
    </div>
  )
}
