import type { MiddlewareRoute } from "@medusajs/framework/http"
import { requirePermission } from "../../../utils/permissions"
import { validateBody } from "../../../utils/validate"
import * as v from "./validators"

const manage = requirePermission("access:manage")

/** Roles and grants: read and changed only by holders of access:manage. */
export const accessMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/accounting/roles", middlewares: [manage] },
  {
    method: ["POST"],
    matcher: "/admin/accounting/roles",
    middlewares: [manage, validateBody(v.AdminCreateAccountingRole)],
  },
  { method: ["GET"], matcher: "/admin/accounting/roles/:id", middlewares: [manage] },
  {
    method: ["POST"],
    matcher: "/admin/accounting/roles/:id",
    middlewares: [manage, validateBody(v.AdminUpdateAccountingRole)],
  },
  { method: ["DELETE"], matcher: "/admin/accounting/roles/:id", middlewares: [manage] },
  {
    method: ["POST"],
    matcher: "/admin/accounting/role-grants",
    middlewares: [manage, validateBody(v.AdminGrantAccountingRole)],
  },
  { method: ["DELETE"], matcher: "/admin/accounting/role-grants/:id", middlewares: [manage] },
]
