import type { MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import multer from "multer"
import { describeMiddleware } from "../../utils/openapi-meta"
import { currencyCode, EmptyBody, SelectParams } from "../../utils/validators"
import { requirePermission } from "../../utils/permissions"
import { validateAndTransformQuery, validateBody, validateQuery } from "../../utils/validate"
import { listFilters } from "../../utils/list-filters"
import { listCustomerRefundsQueryConfig, retrieveCustomerRefundQueryConfig } from "./query-config"
import * as v from "./validators"

const retrieve = validateAndTransformQuery(SelectParams, retrieveCustomerRefundQueryConfig)

/** CSV imports are read in memory; 2 MB is about 15,000 rows. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024
const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } })

export const customerRefundMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customer-refunds",
    middlewares: [
      requirePermission("customer_refunds:list"),
      validateAndTransformQuery(v.AdminGetCustomerRefundsParams, listCustomerRefundsQueryConfig),
      listFilters({ date: "refund_date", search: ["number", "reference", "memo"] }),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-refunds",
    middlewares: [
      requirePermission("customer_refunds:add"),
      validateBody(v.AdminCreateCustomerRefund),
      retrieve,
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-refunds/import",
    middlewares: [
      requirePermission("customer_refunds:add"),
      describeMiddleware(upload.single("file"), { upload: "file" }),
      validateAndTransformQuery(
        SelectParams.extend(v.AdminImportCustomerRefundsParams.shape),
        retrieveCustomerRefundQueryConfig
      ),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/customer-refunds/:id",
    middlewares: [requirePermission("customer_refunds:view"), retrieve],
  },
  {
    method: ["DELETE"],
    matcher: "/admin/customer-refunds/:id",
    middlewares: [requirePermission("customer_refunds:add"), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-refunds/:id",
    middlewares: [
      requirePermission("customer_refunds:add"),
      validateBody(v.AdminUpdateCustomerRefund),
      retrieve,
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-refunds/:id/post",
    middlewares: [requirePermission("customer_refunds:post"), validateBody(EmptyBody), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-refunds/:id/void",
    middlewares: [
      requirePermission("customer_refunds:void"),
      validateBody(v.AdminVoidCustomerRefund),
      retrieve,
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/available-credits",
    middlewares: [
      requirePermission("customer_refunds:view"),
      validateQuery(z.strictObject({ currency_code: currencyCode().optional() })),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/open-orders",
    middlewares: [
      requirePermission("credit_memos:view"),
      validateQuery(z.strictObject({ currency_code: currencyCode().optional() })),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/accounting",
    middlewares: [requirePermission("customer_refunds:view")],
  },
  {
    method: ["GET"],
    matcher: "/admin/orders/:id/accounting",
    middlewares: [requirePermission("customer_refunds:view")],
  },
  { method: ["GET"], matcher: "/admin/accounting/permissions", middlewares: [] },
]
