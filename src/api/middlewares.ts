import { defineMiddlewares } from "@medusajs/framework/http"
import { accountingSetupMiddlewares } from "./admin/accounting/middlewares"
import { creditMemoMiddlewares } from "./admin/credit-memos/middlewares"
import { customerRefundMiddlewares } from "./admin/customer-refunds/middlewares"
import { payoutMiddlewares } from "./admin/payouts/middlewares"
import { reportMiddlewares } from "./admin/accounting/reports/middlewares"
import { accountingErrorHandler } from "./utils/error-handler"

export default defineMiddlewares({
  errorHandler: accountingErrorHandler(),
  routes: [
    ...accountingSetupMiddlewares,
    ...creditMemoMiddlewares,
    ...customerRefundMiddlewares,
    ...payoutMiddlewares,
    ...reportMiddlewares,
  ],
})
