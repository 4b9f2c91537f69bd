import type { MiddlewareRoute } from "@medusajs/framework/http"
import { requirePermission } from "../../../../utils/permissions"
import { validateQuery } from "../../../../utils/validate"
import { AdminCustomerStatementParams, AdminStatementsZipParams } from "./validators"

export const customerStatementMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/statement",
    middlewares: [requirePermission("reports:view"), validateQuery(AdminCustomerStatementParams)],
  },
  {
    method: ["GET"],
    matcher: "/admin/accounting/statements.zip",
    middlewares: [requirePermission("reports:view"), validateQuery(AdminStatementsZipParams)],
  },
]
