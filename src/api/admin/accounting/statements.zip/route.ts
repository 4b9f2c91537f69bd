import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ACCOUNTING_MODULE } from "../../../../modules/accounting"
import type AccountingModuleService from "../../../../modules/accounting/service"
import { writeStatementsZip } from "../../../../reports/statements-zip"

/**
 * GET /admin/accounting/statements.zip?from&to
 * The PDF statements of every customer with a balance at the end of `to`, as one streamed ZIP.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { from, to } = req.validatedQuery as { from: string; to: string }
  const accounting = req.scope.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const { aging_buckets } = await accounting.getPostingSettings()
  res.setHeader("Content-Type", "application/zip")
  res.setHeader("Cache-Control", "no-store")
  res.setHeader("Content-Disposition", `attachment; filename="statements-${from}_${to}.zip"`)
  const ctx = { knex: req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION), container: req.scope }
  try {
    await writeStatementsZip(ctx, { from, to, buckets: aging_buckets }, res)
  } catch (e) {
    if (!res.headersSent) {
      throw e
    }
    // A truncated ZIP must not look complete: cut the download.
    req.scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`statements.zip failed mid-stream: ${(e as Error).message}`)
    res.destroy(e as Error)
  }
}
