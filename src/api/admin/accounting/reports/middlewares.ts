import type { MiddlewareRoute } from "@medusajs/framework/http"
import { requirePermission } from "../../../utils/permissions"
import { validateQuery } from "../../../utils/validate"
import { REPORT_PERMISSIONS } from "../../../../reports/registry"
import { ReportQuery } from "./validators"

export const reportMiddlewares: MiddlewareRoute[] = Object.entries(ReportQuery).map(([name, schema]) => ({
  method: ["GET"],
  matcher: `/admin/accounting/reports/${name}`,
  middlewares: [requirePermission(REPORT_PERMISSIONS[name] ?? "reports:view"), validateQuery(schema)],
}))

/** The audit trail's own check: the chain from the first row, sealed first. */
export const auditMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/accounting/audit-log/verify",
    middlewares: [requirePermission("audit:view")],
  },
]
