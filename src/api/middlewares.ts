import { defineMiddlewares } from "@medusajs/framework/http"
import { accountingSetupMiddlewares } from "./admin/accounting/middlewares"
import { creditMemoMiddlewares } from "./admin/credit-memos/middlewares"
import { customerRefundMiddlewares } from "./admin/customer-refunds/middlewares"
import { reportMiddlewares } from "./admin/accounting/reports/middlewares"
import { customerCreditMiddlewares } from "./admin/customers/[id]/applications/middlewares"
import { receivedPaymentMiddlewares } from "./admin/received-payments/middlewares"
import { writeOffMiddlewares } from "./admin/write-offs/middlewares"
import { moneyWireMiddlewares } from "./money-wire-middlewares"
import { accountingErrorHandler } from "./utils/error-handler"

export default defineMiddlewares({
  errorHandler: accountingErrorHandler(),
  routes: [
    ...moneyWireMiddlewares,
    ...accountingSetupMiddlewares,
    ...creditMemoMiddlewares,
    ...customerRefundMiddlewares,
    ...reportMiddlewares,
    ...receivedPaymentMiddlewares,
    ...writeOffMiddlewares,
    ...customerCreditMiddlewares,
  ],
})
