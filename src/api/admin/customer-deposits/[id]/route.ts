import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCustomerDepositResponse } from "../../../../types/http"
import { loadDeposit } from "../helpers"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCustomerDepositResponse>) => {
  res.json({ deposit: await loadDeposit(req) })
}
