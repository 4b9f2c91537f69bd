import type { MiddlewareRoute } from "@medusajs/framework/http"
import multer from "multer"
import { listFilters } from "../../utils/list-filters"
import { describeMiddleware } from "../../utils/openapi-meta"
import { requirePermission } from "../../utils/permissions"
import { validateAndTransformQuery, validateBody, validateQuery } from "../../utils/validate"
import { SelectParams } from "../../utils/validators"
import { listPayoutsQueryConfig, retrievePayoutQueryConfig } from "./query-config"
import * as v from "./validators"

/** Payout reports are read in memory; 5 MB is about 30,000 Stripe rows. */
export const MAX_PAYOUT_FILE_BYTES = 5 * 1024 * 1024
const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_PAYOUT_FILE_BYTES, files: 1 } })

export const payoutMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/payouts",
    middlewares: [
      requirePermission("payouts:list"),
      validateAndTransformQuery(v.AdminGetPayoutsParams, listPayoutsQueryConfig),
      listFilters({ search: ["number", "provider_payout_id"] }),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/payouts",
    middlewares: [requirePermission("payouts:post"), validateBody(v.AdminCreatePayouts)],
  },
  {
    method: ["POST"],
    matcher: "/admin/payouts/import",
    middlewares: [
      requirePermission("payouts:import"),
      describeMiddleware(upload.single("file"), { upload: "file" }),
      validateBody(v.AdminImportPayoutsFields),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/payouts/reconciliation/unmatched",
    middlewares: [requirePermission("payouts:list"), validateQuery(v.AdminGetUnmatchedParams)],
  },
  {
    method: ["GET"],
    matcher: "/admin/payouts/:id",
    middlewares: [requirePermission("payouts:list"), validateAndTransformQuery(SelectParams, retrievePayoutQueryConfig)],
  },
]
