import { approvalRoutes } from "../../../accounting/approvals/decide"
import { loadCustomerRefund } from "../../helpers"

/** Approves a draft above the approval threshold (a second user: never its creator). */
export const POST = approvalRoutes("customer_refund", "customer_refund", loadCustomerRefund).approve
