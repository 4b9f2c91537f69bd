import type { CustomerRefund, PostedRefund } from "../../sdk/accounting-client"
import { plainWords } from "./errors"

/** What to tell the user after a create or post: posted, saved, or paid with the booking pending (202). */
export function refundResultText({ customer_refund: r, posting_error }: PostedRefund): string {
  const name = r.number ? `Refund ${r.number}` : "The refund"
  if (r.status === "money_moved") {
    return `${name} was paid, but booking it is pending${posting_error?.message ? `: ${plainWords(posting_error.message)}` : ""}. It is retried automatically; see Accounting → Overview.`
  }
  if (r.status === "posted") {
    return `${name} posted`
  }
  return `${name} saved as a draft`
}

/** A card refund's money went to the card: its void only corrects the books, with a reason. */
export const isCardRefund = (r: Pick<CustomerRefund, "method" | "medusa_refund_id">) =>
  r.method === "card" || !!r.medusa_refund_id
