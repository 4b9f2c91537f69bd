import type { MiddlewareRoute } from "@medusajs/framework/http"
import { listFilters } from "../../utils/list-filters"
import { requirePermission } from "../../utils/permissions"
import { EmptyBody, SelectParams } from "../../utils/validators"
import { validateAndTransformQuery, validateBody } from "../../utils/validate"
import { listWriteOffsQueryConfig, retrieveWriteOffQueryConfig } from "./query-config"
import * as v from "./validators"

const retrieve = validateAndTransformQuery(SelectParams, retrieveWriteOffQueryConfig)
// Written off and posted in one step: it needs both rights.
const createAndPost = [requirePermission("writeoffs:create"), requirePermission("writeoffs:post")]

export const writeOffMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/write-offs",
    middlewares: [
      requirePermission("writeoffs:list"),
      validateAndTransformQuery(v.AdminGetWriteOffsParams, listWriteOffsQueryConfig),
      listFilters({ date: "write_off_date", search: ["number", "reason_code", "memo"] }),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/write-offs",
    middlewares: [...createAndPost, validateBody(v.AdminCreateWriteOff), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/write-offs/bulk",
    middlewares: [...createAndPost, validateBody(v.AdminBulkWriteOff), retrieve],
  },
  {
    method: ["GET"],
    matcher: "/admin/write-offs/:id",
    middlewares: [requirePermission("writeoffs:view"), retrieve],
  },
  {
    method: ["DELETE"],
    matcher: "/admin/write-offs/:id",
    middlewares: [requirePermission("writeoffs:create"), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/write-offs/:id/post",
    middlewares: [requirePermission("writeoffs:post"), validateBody(EmptyBody), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/write-offs/:id/void",
    middlewares: [requirePermission("writeoffs:void"), validateBody(v.AdminVoidWriteOff), retrieve],
  },
]
