import { approvalRoutes } from "../../../accounting/approvals/decide"
import { loadWriteOff } from "../../helpers"

/** Sends a draft write-off awaiting approval back to its creator with the reason. */
export const POST = approvalRoutes("write_off", "write_off", loadWriteOff).reject
