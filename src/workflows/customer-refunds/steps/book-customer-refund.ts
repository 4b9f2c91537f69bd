import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type { MoneyMoved } from "../../../modules/accounting/ar/customer-refunds"
import type AccountingModuleService from "../../../modules/accounting/service"
import { settlePayout } from "../payout/evidence"
import { recordRefundPostingError } from "../payout/posting-errors"
import { completeCustomerRefundWorkflow } from "../workflows/complete-customer-refund"

export type BookedRefund = {
  posted: boolean
  number?: string
  journal_entry_id?: string
  /** Why the booking is pending (money moved; the posting-retry job completes it). */
  error?: { code: string | null; message: string }
}

export const bookCustomerRefundStepId = "book-customer-refund"

/**
 * Books the refund through its own workflow, with what the payout's
 * read-back found (`moved`). When money moved and booking fails, the refund
 * is (or, still `posting`, is read back and then) money_moved in the
 * posting-errors list (the retry job completes it) and the post answers so,
 * instead of failing. Before any money moved, a failure fails the workflow
 * and the draft comes back.
 */
export const bookCustomerRefundStep = createStep(
  bookCustomerRefundStepId,
  async (input: { id: string; moved?: MoneyMoved | null } & Actor, { container }) => {
    const { result, errors } = await completeCustomerRefundWorkflow(container).run({
      input: { id: input.id, moved: input.moved ?? undefined, actor_id: input.actor_id, origin: input.origin },
      throwOnError: false,
    })
    if (!errors?.length) {
      return new StepResponse<BookedRefund>({ posted: true, ...result })
    }
    const error: any = errors[0].error
    const [refund] = await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .listCustomerRefunds({ id: input.id }, { select: ["status", "number", "journal_entry_id"] })
    if (refund?.status === "posted") {
      // A refundPosted hook handler failed after the booking: the refund stands.
      return new StepResponse<BookedRefund>({
        posted: true,
        number: refund.number ?? undefined,
        journal_entry_id: refund.journal_entry_id ?? undefined,
      })
    }
    const moved =
      refund?.status === "money_moved" ||
      (refund?.status === "posting" && (await settlePayout(container, input.id)) === "moved")
    if (!moved) {
      throw error
    }
    const failure = { code: typeof error?.code === "string" ? error.code : null, message: String(error?.message ?? error) }
    await recordRefundPostingError(container, input.id, failure)
    return new StepResponse<BookedRefund>({ posted: false, error: failure })
  }
)
