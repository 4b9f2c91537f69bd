import { validateAndTransformQuery } from "@medusajs/framework/http"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import multer from "multer"
import { currencyCode, EmptyBody, SelectParams } from "../../utils/validators"
import { validateBody, validateQuery } from "../../utils/validate"
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
    middlewares: [validateAndTransformQuery(v.AdminGetCustomerRefundsParams, listCustomerRefundsQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-refunds",
    middlewares: [validateBody(v.AdminCreateCustomerRefund), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-refunds/import",
    middlewares: [
      upload.single("file"),
      validateAndTransformQuery(
        SelectParams.extend(v.AdminImportCustomerRefundsParams.shape),
        retrieveCustomerRefundQueryConfig
      ),
    ],
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
