import { defineMiddlewares } from "@medusajs/framework/http"
import { accountingSetupMiddlewares } from "./admin/accounting/middlewares"
import { accessMiddlewares } from "./admin/accounting/roles/middlewares"
import { approvalMiddlewares } from "./admin/accounting/approvals/middlewares"
import { creditMemoMiddlewares } from "./admin/credit-memos/middlewares"
import { customerRefundMiddlewares } from "./admin/customer-refunds/middlewares"
import { auditMiddlewares, reportMiddlewares } from "./admin/accounting/reports/middlewares"
import { customerCreditMiddlewares } from "./admin/customers/[id]/applications/middlewares"
import { customerStatementMiddlewares } from "./admin/customers/[id]/statement/middlewares"
import { payoutMiddlewares } from "./admin/payouts/middlewares"
import { bankDepositMiddlewares } from "./admin/bank-deposits/middlewares"
import { receivedPaymentMiddlewares } from "./admin/received-payments/middlewares"
import { writeOffMiddlewares } from "./admin/write-offs/middlewares"
import { goodwillRefundMiddlewares } from "./admin/orders/[id]/goodwill-refunds/middlewares"
import { customerDepositMiddlewares } from "./admin/customer-deposits/middlewares"
import { moneyWireMiddlewares } from "./money-wire-middlewares"
import { accountingErrorHandler } from "./utils/error-handler"
import { withPolicies } from "./utils/policies"

export default defineMiddlewares({
  errorHandler: accountingErrorHandler(),
  routes: withPolicies([
    ...moneyWireMiddlewares,
    ...accountingSetupMiddlewares,
    ...accessMiddlewares,
    ...approvalMiddlewares,
    ...creditMemoMiddlewares,
    ...customerRefundMiddlewares,
    ...payoutMiddlewares,
    ...bankDepositMiddlewares,
    ...reportMiddlewares,
    ...auditMiddlewares,
    ...receivedPaymentMiddlewares,
    ...writeOffMiddlewares,
    ...goodwillRefundMiddlewares,
    ...customerDepositMiddlewares,
    ...customerCreditMiddlewares,
    ...customerStatementMiddlewares,
  ]),
})
