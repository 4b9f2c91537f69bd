import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { recordCreditMemoLegalNumberWorkflow } from "../../../../../workflows/credit-memos"
import { actorOf } from "../../../../utils/actor"
import { assertCreditMemo, loadCreditMemo } from "../../helpers"
import type { AdminRecordLegalNumber } from "../../validators"

/** Records the legal credit note number an invoicing plugin issued for this memo (once; 409 LEGAL_NUMBER_SET after). */
export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminRecordLegalNumber>>,
  res: MedusaResponse
) => {
  await assertCreditMemo(req)
  await recordCreditMemoLegalNumberWorkflow(req.scope).run({
    input: { id: req.params.id, legal_number: req.validatedBody.legal_number, ...actorOf(req) },
  })
  res.json({ credit_memo: await loadCreditMemo(req) })
}
