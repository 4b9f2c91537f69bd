import { validateAndTransformQuery } from "@medusajs/framework/http"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import { EmptyBody, isoDate, SelectParams } from "../../utils/validators"
import { validateBody } from "../../utils/validate"
import { listCreditMemosQueryConfig, retrieveCreditMemoQueryConfig } from "./query-config"
import * as v from "./validators"

const retrieve = validateAndTransformQuery(SelectParams, retrieveCreditMemoQueryConfig)

export const creditMemoMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/credit-memos",
    middlewares: [validateAndTransformQuery(v.AdminGetCreditMemosParams, listCreditMemosQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/credit-memos",
    middlewares: [validateBody(v.AdminCreateCreditMemo), retrieve],
  },
  { method: ["GET"], matcher: "/admin/credit-memos/:id", middlewares: [retrieve] },
  {
    method: ["POST"],
    matcher: "/admin/credit-memos/:id",
    middlewares: [validateBody(v.AdminUpdateCreditMemo), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/credit-memos/:id/issue",
    middlewares: [validateBody(EmptyBody), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/credit-memos/:id/void",
    middlewares: [validateBody(v.AdminVoidCreditMemo), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/credit-memos/:id/applications",
    middlewares: [validateBody(v.AdminApplyCreditMemo), retrieve],
  },
  {
    method: ["DELETE"],
    matcher: "/admin/credit-memos/:id/applications/:application_id",
    middlewares: [
      validateAndTransformQuery(
        SelectParams.extend({ date: isoDate().optional() }),
        retrieveCreditMemoQueryConfig
      ),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/credit-memos/:id/pdf",
    middlewares: [validateAndTransformQuery(SelectParams, retrieveCreditMemoQueryConfig)],
  },
]
