import type { MiddlewareRoute } from "@medusajs/framework/http"
import { listFilters } from "../../utils/list-filters"
import { requirePermission } from "../../utils/permissions"
import { SelectParams } from "../../utils/validators"
import { validateAndTransformQuery, validateBody } from "../../utils/validate"
import { listDepositsQueryConfig, retrieveDepositQueryConfig } from "./query-config"
import * as v from "./validators"

const retrieve = validateAndTransformQuery(SelectParams, retrieveDepositQueryConfig)

export const customerDepositMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customer-deposits",
    middlewares: [
      requirePermission("deposits:list"),
      validateAndTransformQuery(v.AdminGetDepositsParams, listDepositsQueryConfig),
      listFilters({ date: "deposit_date", search: ["number", "reference"] }),
    ],
  },
  {
    // Recorded and posted in one step: it needs both rights.
    method: ["POST"],
    matcher: "/admin/customer-deposits",
    middlewares: [
      requirePermission("deposits:create"),
      requirePermission("deposits:post"),
      validateBody(v.AdminCreateDeposit),
      retrieve,
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/customer-deposits/:id",
    middlewares: [requirePermission("deposits:view"), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-deposits/:id/applications",
    middlewares: [requirePermission("deposits:apply"), validateBody(v.AdminApplyDeposit), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-deposits/:id/applications/:application_id/unapply",
    middlewares: [requirePermission("deposits:apply"), validateBody(v.AdminUnapplyDeposit), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-deposits/:id/refund",
    middlewares: [requirePermission("deposits:refund"), validateBody(v.AdminRefundDeposit), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-deposits/:id/void",
    middlewares: [requirePermission("deposits:void"), validateBody(v.AdminVoidDeposit), retrieve],
  },
]
