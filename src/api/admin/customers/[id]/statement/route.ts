import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ACCOUNTING_MODULE } from "../../../../../modules/accounting"
import type AccountingModuleService from "../../../../../modules/accounting/service"
import { customerNames } from "../../../../../reports/customers"
import { customerStatement } from "../../../../../reports/definitions/customer-statement"
import { CONTENT_TYPES, runReport } from "../../../../../reports/run-report"
import type { CustomerStatementResponse } from "../../../../../types/http"

/**
 * GET /admin/customers/:id/statement?from&to&format=json|csv|pdf
 * The customer's statement for the range, streamed; files come as attachments.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<CustomerStatementResponse>
) => {
  const { from, to, format } = req.validatedQuery as {
    from: string
    to: string
    format: "json" | "csv" | "pdf"
  }
  const customerId = req.params.id
  const accounting = req.scope.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const { aging_buckets } = await accounting.getPostingSettings()
  const name = (await customerNames(req.scope, [customerId])).get(customerId)?.name ?? customerId
  const params = { customer_id: customerId, customer_name: name, from, to, buckets: aging_buckets }
  res.setHeader("Content-Type", CONTENT_TYPES[format])
  res.setHeader("Cache-Control", "no-store")
  if (format !== "json") {
    res.setHeader(
      "Content-Disposition",
      `attachment; filename="statement-${customerId}-${from}_${to}.${format}"`
    )
  }
  const ctx = { knex: req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION), container: req.scope }
  try {
    await runReport(customerStatement, params, format, ctx, res)
  } catch (e) {
    if (!res.headersSent) {
      throw e
    }
    // Half a statement is worse than none: cut the download so the client sees the failure.
    req.scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`statement failed mid-stream: ${(e as Error).message}`)
    res.destroy(e as Error)
  }
}
