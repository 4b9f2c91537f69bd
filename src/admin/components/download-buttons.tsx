import { Button } from "@medusajs/ui"
import { useState } from "react"
import type { ReportName } from "../../sdk/accounting-client"
import { accounting } from "../lib/sdk"
import { errorMessage } from "../lib/errors"
import { saveBlob } from "../lib/format"
import { FieldError } from "./form-field"

/** CSV / XLSX / PDF of a report with the filters on screen; a refusal is shown under the buttons. */
export const DownloadButtons = ({
  report,
  query,
  disabled,
}: {
  report: ReportName
  query: Record<string, string | number | boolean | undefined>
  disabled?: boolean
}) => {
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const download = async (format: "csv" | "xlsx" | "pdf") => {
    setBusy(format)
    setError(null)
    try {
      const { blob, filename } = await accounting.reports.file(report, format, query)
      saveBlob(blob, filename)
    } catch (e) {
      setError(`The ${format.toUpperCase()} could not be made: ${errorMessage(e)}`)
    } finally {
      setBusy(null)
    }
  }
  return (
    <div className="flex flex-col items-end gap-y-1">
      <div className="flex gap-x-2">
        {(["csv", "xlsx", "pdf"] as const).map((f) => (
          <Button
            key={f}
            size="small"
            variant="secondary"
            disabled={disabled}
            isLoading={busy === f}
            onClick={() => download(f)}
            data-testid={`download-${f}`}
          >
            {f.toUpperCase()}
          </Button>
        ))}
      </div>
      {error && <FieldError>{error}</FieldError>}
    </div>
  )
}
