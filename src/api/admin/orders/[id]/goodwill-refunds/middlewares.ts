import type { MiddlewareRoute } from "@medusajs/framework/http"
import { requirePermission } from "../../../../utils/permissions"
import { validateBody } from "../../../../utils/validate"
import { AdminCreateGoodwillRefund } from "./validators"

export const goodwillRefundMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/orders/:id/goodwill-refunds",
    // Both: it issues a memo and posts a refund (each check is one middleware).
    middlewares: [
      requirePermission("credit_memos:issue"),
      requirePermission("customer_refunds:post"),
      validateBody(AdminCreateGoodwillRefund),
    ],
  },
]
