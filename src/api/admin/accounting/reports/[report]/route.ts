import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ACCOUNTING_MODULE } from "../../../../../modules/accounting"
import type AccountingModuleService from "../../../../../modules/accounting/service"
import { PERIOD_REPORTS, REPORTS, ReportName } from "../../../../../reports/registry"
import { CONTENT_TYPES, reportFilename, ReportFormat, runReport } from "../../../../../reports/run-report"

/**
 * GET /admin/accounting/reports/:report?format=json|csv|xlsx|pdf&…
 * Streams the report; files come as attachments named after it and its date.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const name = req.params.report as ReportName
  const definition = REPORTS[name]
  if (!definition) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Unknown report ${req.params.report}; one of ${Object.keys(REPORTS).join(", ")}`
    )
  }
  const { format, ...params } = req.validatedQuery as { format: ReportFormat } & Record<string, any>
  const accounting = req.scope.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  // Day-dependent defaults, in the store's accounting time zone.
  const { today } = await accounting.getClock()
  if (PERIOD_REPORTS.has(name)) {
    params.to ??= today
    params.from ??= `${params.to.slice(0, 8)}01`
  } else {
    params.as_of ??= today
  }
  if (name === "audit-log") {
    // Rows still waiting for their place in the chain get it before they are shown.
    await accounting.sealAuditTrail()
    params.timezone = (await accounting.getClock()).timezone
  }
  if (name === "ar-aging" && !params.buckets) {
    params.buckets = (await accounting.getPostingSettings()).aging_buckets
  }
  const stamp = params.as_of ?? `${params.from}_${params.to}`
  res.setHeader("Content-Type", CONTENT_TYPES[format])
  res.setHeader("Cache-Control", "no-store")
  if (format !== "json") {
    res.setHeader("Content-Disposition", `attachment; filename="${reportFilename(name, stamp, format)}"`)
  }
  const ctx = { knex: req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION), container: req.scope }
  try {
    await runReport<Record<string, any>>(definition, params, format, ctx, res)
  } catch (e) {
    if (!res.headersSent) {
      throw e
    }
    // Half a file is worse than none: cut the download so the client sees the failure.
    req.scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`report ${name} failed mid-stream: ${(e as Error).message}`)
    res.destroy(e as Error)
  }
}
