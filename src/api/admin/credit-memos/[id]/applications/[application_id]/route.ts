import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ACCOUNTING_MODULE } from "../../../../../../modules/accounting"
import type AccountingModuleService from "../../../../../../modules/accounting/service"
import { unapplyCreditWorkflow } from "../../../../../../workflows/credit-memos"
import { actorOf } from "../../../../../utils/actor"
import { assertCreditMemo, loadCreditMemo } from "../../../helpers"

/** Unapplies an application (on ?date=, default today); both sides get their amounts back. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await assertCreditMemo(req)
  const date =
    (req.validatedQuery as { date?: string }).date ??
    (await req.scope.resolve<AccountingModuleService>(ACCOUNTING_MODULE).getClock()).today
  await unapplyCreditWorkflow(req.scope).run({
    input: {
      credit_memo_id: req.params.id,
      application_id: req.params.application_id,
      date,
      ...actorOf(req),
    },
  })
  res.json({
    id: req.params.application_id,
    object: "credit_application",
    deleted: true,
    credit_memo: await loadCreditMemo(req),
  })
}
