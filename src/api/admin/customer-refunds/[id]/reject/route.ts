import { approvalRoutes } from "../../../accounting/approvals/decide"
import { loadCustomerRefund } from "../../helpers"

/** Sends a draft awaiting approval back to its creator with the reason. */
export const POST = approvalRoutes("customer_refund", "customer_refund", loadCustomerRefund).reject
