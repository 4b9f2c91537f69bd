import type { MiddlewareRoute } from "@medusajs/framework/http"
import { listFilters } from "../../utils/list-filters"
import { requirePermission } from "../../utils/permissions"
import { SelectParams } from "../../utils/validators"
import { validateAndTransformQuery, validateBody } from "../../utils/validate"
import { listPaymentsQueryConfig, retrievePaymentQueryConfig } from "./query-config"
import * as v from "./validators"

const retrieve = validateAndTransformQuery(SelectParams, retrievePaymentQueryConfig)

export const receivedPaymentMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/received-payments",
    middlewares: [
      requirePermission("payments:list"),
      validateAndTransformQuery(v.AdminGetPaymentsParams, listPaymentsQueryConfig),
      listFilters({ date: "payment_date", search: ["number", "reference"] }),
    ],
  },
  {
    // Recorded and posted in one step: it needs both rights.
    method: ["POST"],
    matcher: "/admin/received-payments",
    middlewares: [
      requirePermission("payments:create"),
      requirePermission("payments:post"),
      validateBody(v.AdminCreatePayment),
      retrieve,
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/received-payments/:id",
    middlewares: [requirePermission("payments:view"), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/received-payments/:id/reverse",
    middlewares: [requirePermission("payments:void"), validateBody(v.AdminReversePayment), retrieve],
  },
]
