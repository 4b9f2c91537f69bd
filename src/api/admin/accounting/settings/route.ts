import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { ACCOUNTING_MODULE } from "../../../../modules/accounting"
import type AccountingModuleService from "../../../../modules/accounting/service"
import { updateAccountingSettingsWorkflow } from "../../../../workflows/setup"
import { actorOf } from "../../../utils/actor"
import { assertPermission } from "../../../utils/permissions"
import type { AdminUpdateAccountingSettings } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const accounting = req.scope.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  res.json({ settings: await accounting.getSettings() })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminUpdateAccountingSettings>>,
  res: MedusaResponse
) => {
  // Moving the lock date is a period decision, not a setting like the others.
  if (req.validatedBody.lock_date !== undefined) {
    await assertPermission(req, "periods:manage")
  }
  const { result } = await updateAccountingSettingsWorkflow(req.scope).run({
    input: { update: req.validatedBody, ...actorOf(req) },
  })
  res.json({ settings: result })
}
