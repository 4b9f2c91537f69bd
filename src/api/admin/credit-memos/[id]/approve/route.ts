import { approvalRoutes } from "../../../accounting/approvals/decide"
import { loadCreditMemo } from "../../helpers"

/** Approves a draft above the approval threshold (a second user: never its creator). */
export const POST = approvalRoutes("credit_memo", "credit_memo", loadCreditMemo).approve
