import { approvalRoutes } from "../../../accounting/approvals/decide"
import { loadWriteOff } from "../../helpers"

/** Approves a draft write-off above the approval threshold (a second user: never its creator). */
export const POST = approvalRoutes("write_off", "write_off", loadWriteOff).approve
