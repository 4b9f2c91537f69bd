import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { refetchOr404 } from "../../utils/refetch"

export const loadCustomerRefund = (req: AuthenticatedMedusaRequest<any>, id?: string) =>
  refetchOr404(req, "customer_refund", "Customer refund", id)
