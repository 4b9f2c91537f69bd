import type { MiddlewareRoute } from "@medusajs/framework/http"
import { moneyWireFormat } from "./utils/money-wire"

/** Every route of ours answers money in one format (docs/API.md "Money"). */
export const moneyWireMiddlewares: MiddlewareRoute[] = [
  "/admin/accounting*",
  "/admin/credit-memos*",
  "/admin/customer-refunds*",
  "/admin/received-payments*",
  "/admin/write-offs*",
  "/admin/customers/:id/applications*",
  "/admin/customers/:id/accounting",
  "/admin/customers/:id/available-credits",
  "/admin/customers/:id/open-orders",
  "/admin/orders/:id/accounting",
].map((matcher) => ({ matcher, middlewares: [moneyWireFormat] }))
