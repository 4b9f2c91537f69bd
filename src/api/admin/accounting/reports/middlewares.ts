import type { MiddlewareRoute } from "@medusajs/framework/http"
import { requirePermission } from "../../../utils/permissions"
import { validateQuery } from "../../../utils/validate"
import { ReportQuery } from "./validators"

export const reportMiddlewares: MiddlewareRoute[] = Object.entries(ReportQuery).map(([name, schema]) => ({
  method: ["GET"],
  matcher: `/admin/accounting/reports/${name}`,
  middlewares: [requirePermission("reports:view"), validateQuery(schema)],
}))
