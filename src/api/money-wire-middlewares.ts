import type { MiddlewareRoute } from "@medusajs/framework/http"
import { moneyWireFormat } from "./utils/money-wire"
import { OUR_ROUTE_MATCHERS } from "./utils/our-routes"

/** Every route of ours answers money in one format (docs/API.md "Money"). */
export const moneyWireMiddlewares: MiddlewareRoute[] = OUR_ROUTE_MATCHERS.map((matcher) => ({
  matcher,
  middlewares: [moneyWireFormat],
}))
