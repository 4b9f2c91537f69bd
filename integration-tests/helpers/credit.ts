import type { AdminHeaders } from "./admin"

/** The part of the test runner's axios client the helpers use. */
export type Api = {
  get: (url: string, config?: any) => Promise<any>
  post: (url: string, body?: any, config?: any) => Promise<any>
  delete: (url: string, config?: any) => Promise<any>
}

/**
 * The body of POST /admin/credit-memos: a USD memo with one "Allowance" line.
 * `over` replaces top-level fields, `line` fields of the line.
 */
export function creditMemoBody(
  {
    customer_id,
    amount,
    date,
    reason = "Goodwill",
  }: { customer_id: string; amount: string; date: string; reason?: string },
  over: Record<string, unknown> = {},
  line: Record<string, unknown> = {}
) {
  return {
    customer_id,
    currency_code: "usd",
    date,
    reason,
    lines: [{ description: "Allowance", amount, ...line }],
    ...over,
  }
}

/** Creates a credit memo (creditMemoBody) and issues it; its id. */
export async function issueMemo(
  api: Api,
  admin: AdminHeaders,
  memo: { customer_id: string; amount: string; date: string; reason?: string }
): Promise<string> {
  const { data } = await api.post("/admin/credit-memos", creditMemoBody(memo), admin)
  await api.post(`/admin/credit-memos/${data.credit_memo.id}/issue`, {}, admin)
  return data.credit_memo.id as string
}

/**
 * The body of POST /admin/customer-refunds refunding `amount` of a credit
 * memo by check, posted. `over` replaces top-level fields, `line` fields of the line.
 */
export function memoRefundBody(
  customer_id: string,
  memo: string,
  amount: string,
  date: string,
  over: Record<string, unknown> = {},
  line: Record<string, unknown> = {}
) {
  return {
    customer_id,
    currency_code: "usd",
    refund_date: date,
    method: "check",
    lines: [{ source_type: "credit_memo", source_id: memo, amount, ...line }],
    post: true,
    ...over,
  }
}
