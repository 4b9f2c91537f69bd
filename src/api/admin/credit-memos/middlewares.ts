import type { MiddlewareRoute } from "@medusajs/framework/http"
import { listFilters } from "../../utils/list-filters"
import { EmptyBody, isoDate, SelectParams } from "../../utils/validators"
import { requirePermission } from "../../utils/permissions"
import { validateAndTransformQuery, validateBody } from "../../utils/validate"
import { listCreditMemosQueryConfig, retrieveCreditMemoQueryConfig } from "./query-config"
import * as v from "./validators"

const retrieve = validateAndTransformQuery(SelectParams, retrieveCreditMemoQueryConfig)

export const creditMemoMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/credit-memos",
    middlewares: [
      requirePermission("credit_memos:list"),
      validateAndTransformQuery(v.AdminGetCreditMemosParams, listCreditMemosQueryConfig),
      listFilters({ search: ["number", "reason", "legal_number"] }),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/credit-memos",
    middlewares: [requirePermission("credit_memos:add"), validateBody(v.AdminCreateCreditMemo), retrieve],
  },
  {
    method: ["GET"],
    matcher: "/admin/credit-memos/:id",
    middlewares: [requirePermission("credit_memos:view"), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/credit-memos/:id",
    middlewares: [requirePermission("credit_memos:add"), validateBody(v.AdminUpdateCreditMemo), retrieve],
  },
  {
    method: ["DELETE"],
    matcher: "/admin/credit-memos/:id",
    middlewares: [requirePermission("credit_memos:add"), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/credit-memos/:id/issue",
    middlewares: [requirePermission("credit_memos:issue"), validateBody(EmptyBody), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/credit-memos/:id/void",
    middlewares: [requirePermission("credit_memos:void"), validateBody(v.AdminVoidCreditMemo), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/credit-memos/:id/legal-number",
    middlewares: [requirePermission("credit_memos:issue"), validateBody(v.AdminRecordLegalNumber), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/credit-memos/:id/applications",
    middlewares: [requirePermission("credit_memos:apply"), validateBody(v.AdminApplyCreditMemo), retrieve],
  },
  {
    method: ["DELETE"],
    matcher: "/admin/credit-memos/:id/applications/:application_id",
    middlewares: [
      requirePermission("credit_memos:apply"),
      validateAndTransformQuery(
        SelectParams.extend({ date: isoDate().optional() }),
        retrieveCreditMemoQueryConfig
      ),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/credit-memos/:id/pdf",
    middlewares: [
      requirePermission("credit_memos:view"),
      validateAndTransformQuery(SelectParams, retrieveCreditMemoQueryConfig),
    ],
  },
]
