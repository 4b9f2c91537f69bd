import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type AccountingModuleService from "../../../modules/accounting/service"
import { loadReferences } from "../../utils/names"
import { withReasonLabels } from "../../utils/reason-labels"
import { refetchOr404 } from "../../utils/refetch"

/**
 * Adds what stands against each memo: `remaining_amount` (null while a
 * draft) and its applications (and refunds) with their ids for unapply;
 * and the customer's name and the order's number, for the page at once.
 */
export async function withBalances<
  T extends { id: string; status?: string; customer_id?: string; order_id?: string | null },
>(req: AuthenticatedMedusaRequest<any>, memos: T[]) {
  const accounting = req.scope.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const [balances, refs, labelled] = await Promise.all([
    accounting.creditMemoBalances(memos.map((m) => m.id)),
    loadReferences(req.scope, {
      customer_ids: memos.map((m) => m.customer_id),
      order_ids: memos.map((m) => m.order_id),
    }),
    withReasonLabels(req, "credit_memo", memos as (T & { reason_code?: string | null })[]),
  ])
  return labelled.map((memo) => {
    const balance = balances.get(memo.id)
    return {
      ...memo,
      customer: refs.customer(memo.customer_id),
      order: refs.order(memo.order_id),
      remaining_amount: balance?.remaining_amount ?? null,
      applications: balance?.applications ?? [],
    }
  })
}

export async function loadCreditMemo(req: AuthenticatedMedusaRequest<any>, id?: string) {
  const memo = await refetchOr404(req, "credit_memo", "Credit memo", id)
  return (await withBalances(req, [memo]))[0]
}

/** 404 before a change to a memo that does not exist (no balances needed). */
export const assertCreditMemo = (req: AuthenticatedMedusaRequest<any>) =>
  refetchOr404(req, "credit_memo", "Credit memo")
