import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../../utils/validate"
import { ReportQuery } from "./validators"

export const reportMiddlewares: MiddlewareRoute[] = Object.entries(ReportQuery).map(([name, schema]) => ({
  method: ["GET"],
  matcher: `/admin/accounting/reports/${name}`,
  middlewares: [validateQuery(schema)],
}))
