import type { MiddlewareRoute } from "@medusajs/framework/http"
import { requirePermission } from "../../../../utils/permissions"
import { validateBody, validateQuery } from "../../../../utils/validate"
import * as v from "./validators"

export const customerCreditMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/applications",
    middlewares: [requirePermission("credits:apply")],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/applications",
    middlewares: [requirePermission("credits:apply"), validateBody(v.AdminApplyCustomerCredit)],
  },
  {
    method: ["DELETE"],
    matcher: "/admin/customers/:id/applications/:application_id",
    middlewares: [requirePermission("credits:apply"), validateQuery(v.AdminUnapplyCustomerCreditParams)],
  },
]
