import { approvalRoutes } from "../../../accounting/approvals/decide"
import { loadCreditMemo } from "../../helpers"

/** Sends a draft awaiting approval back to its creator with the reason. */
export const POST = approvalRoutes("credit_memo", "credit_memo", loadCreditMemo).reject
