import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { ACCOUNTING_MODULE } from "../../../../modules/accounting"
import { STRIPE_PAYOUT_MAPPING } from "../../../../modules/accounting/rules/payout-input"
import type AccountingModuleService from "../../../../modules/accounting/service"
import { postPayoutsWorkflow } from "../../../../workflows/payouts"
import { actorOf } from "../../../utils/actor"
import type { AdminImportPayoutsFields } from "../validators"
import { parsePayoutFile } from "./parse-payout-file"

/**
 * Imports a payout report (multipart field `file`): Stripe's itemized payout
 * reconciliation export (`format=stripe`), or any CSV with a column `mapping`
 * (`format=csv`). Any bad line refuses the whole file (422
 * PAYOUT_FILE_REJECTED, errors by line) and posts nothing; a payout already
 * imported is reported with created=false and not posted again.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminImportPayoutsFields>>,
  res: MedusaResponse
) => {
  const file = (req as { file?: { buffer: Buffer } }).file
  if (!file) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Invalid request: file: attach the payout report as the multipart field 'file'"
    )
  }
  const { provider_id, format, mapping } = req.validatedBody
  const { timezone } = await req.scope.resolve<AccountingModuleService>(ACCOUNTING_MODULE).getClock()
  const { payouts, errors } = parsePayoutFile(file.buffer, format === "stripe" ? STRIPE_PAYOUT_MAPPING : mapping!, {
    provider_id,
    timezone,
  })
  if (errors.length) {
    res.status(422).json({
      type: "not_allowed",
      code: "PAYOUT_FILE_REJECTED",
      message: `${errors.length} error(s) in the file; nothing was posted`,
      errors,
    })
    return
  }
  const { result } = await postPayoutsWorkflow(req.scope).run({
    input: { payouts, source: format === "stripe" ? "stripe_csv" : "csv", ...actorOf(req, "import") },
  })
  res.json({ payouts: result })
}
