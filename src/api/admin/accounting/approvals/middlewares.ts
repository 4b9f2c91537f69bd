import type { MiddlewareRoute } from "@medusajs/framework/http"
import { requirePermission } from "../../../utils/permissions"
import { validateAndTransformQuery, validateBody, validateQuery } from "../../../utils/validate"
import { EmptyBody, SelectParams } from "../../../utils/validators"
import { retrieveCreditMemoQueryConfig } from "../../credit-memos/query-config"
import { retrieveCustomerRefundQueryConfig } from "../../customer-refunds/query-config"
import { retrieveWriteOffQueryConfig } from "../../write-offs/query-config"
import { AdminGetApprovalsParams, AdminRejectDocument } from "./validators"

/** Maker-checker: the queue and the approve/reject actions of each document type. */
export const approvalMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/accounting/approvals",
    middlewares: [
      requirePermission("customer_refunds:approve", "credit_memos:approve", "writeoffs:approve"),
      validateQuery(AdminGetApprovalsParams),
    ],
  },
  ...(
    [
      ["customer-refunds", "customer_refunds:approve", retrieveCustomerRefundQueryConfig],
      ["credit-memos", "credit_memos:approve", retrieveCreditMemoQueryConfig],
      ["write-offs", "writeoffs:approve", retrieveWriteOffQueryConfig],
    ] as const
  ).flatMap(([resource, permission, config]) => [
    {
      method: ["POST" as const],
      matcher: `/admin/${resource}/:id/approve`,
      middlewares: [
        requirePermission(permission),
        validateBody(EmptyBody),
        validateAndTransformQuery(SelectParams, config),
      ],
    },
    {
      method: ["POST" as const],
      matcher: `/admin/${resource}/:id/reject`,
      middlewares: [
        requirePermission(permission),
        validateBody(AdminRejectDocument),
        validateAndTransformQuery(SelectParams, config),
      ],
    },
  ]),
]
