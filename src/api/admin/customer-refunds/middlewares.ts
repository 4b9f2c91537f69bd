import { validateAndTransformQuery } from "@medusajs/framework/http"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { currencyCode, EmptyBody, SelectParams } from "../../utils/validators"
import { validateBody, validateQuery } from "../../utils/validate"
import { listCustomerRefundsQueryConfig, retrieveCustomerRefundQueryConfig } from "./query-config"
import * as v from "./validators"

const retrieve = validateAndTransformQuery(SelectParams, retrieveCustomerRefundQueryConfig)

export const customerRefundMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customer-refunds",
    middlewares: [validateAndTransformQuery(v.AdminGetCustomerRefundsParams, listCustomerRefundsQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-refunds",
    middlewares: [validateBody(v.AdminCreateCustomerRefund), retrieve],
  },
  { method: ["GET", "DELETE"], matcher: "/admin/customer-refunds/:id", middlewares: [retrieve] },
  {
    method: ["POST"],
    matcher: "/admin/customer-refunds/:id",
    middlewares: [validateBody(v.AdminUpdateCustomerRefund), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-refunds/:id/post",
    middlewares: [validateBody(EmptyBody), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-refunds/:id/void",
    middlewares: [validateBody(v.AdminVoidCustomerRefund), retrieve],
  },
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/available-credits",
    middlewares: [validateQuery(z.strictObject({ currency_code: currencyCode().optional() }))],
  },
]
