import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AccountingError } from "../../../modules/accounting/errors"
import { storeCreditModule } from "../../../lib/store-credit"
import { settlePayout } from "../payout/evidence"

export const moveStoreCreditStepId = "move-customer-refund-store-credit"

/**
 * Store credit through the loyalty plugin: a store_credit refund credits the
 * customer's account (created if needed), and lines drawing on an existing
 * store-credit balance debit it. Reference: our refund. Compensation deletes
 * the transactions it made, as the plugin's own steps do, unless a read-back
 * shows the refund paid out (then the refund completes forward).
 */
export const moveStoreCreditStep = createStep(
  moveStoreCreditStepId,
  async (
    input: {
      customer_refund_id: string
      customer_id: string
      currency_code: string
      credit_amount: string | null
      debits: { account_id: string; amount: string }[]
    },
    { container }
  ) => {
    const none = { ids: [] as string[], customer_refund_id: input.customer_refund_id }
    if (!input.credit_amount && !input.debits.length) {
      return new StepResponse({ transaction_ids: [] as string[] }, none)
    }
    const storeCredit = storeCreditModule(container)
    if (!storeCredit) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "Store credit needs @medusajs/loyalty-plugin in the store's plugins"
      )
    }
    const reference = { reference: "customer_refund", reference_id: input.customer_refund_id }
    const ids: string[] = []
    try {
      if (input.debits.length) {
        const debits = await storeCredit.debitAccounts(
          input.debits.map((d) => ({
            account_id: d.account_id,
            amount: MathBN.convert(d.amount),
            note: "Paid out by customer refund",
            ...reference,
          }))
        )
        ids.push(...debits.map((t) => t.id))
      }
      if (input.credit_amount) {
        let [account] = await storeCredit.listStoreCreditAccounts({
          customer_id: input.customer_id,
          currency_code: input.currency_code,
        })
        if (!account) {
          ;[account] = await storeCredit.createStoreCreditAccounts([
            { customer_id: input.customer_id, currency_code: input.currency_code },
          ])
        }
        const credits = await storeCredit.creditAccounts([
          { account_id: account.id, amount: MathBN.convert(input.credit_amount), note: "Customer refund", ...reference },
        ])
        ids.push(...credits.map((t) => t.id))
      }
    } catch (e: any) {
      if (ids.length) {
        await storeCredit.deleteTransactions(ids)
      }
      throw new AccountingError("STORE_CREDIT_FAILED", `Store credit could not be moved: ${e?.message ?? e}`)
    }
    return new StepResponse({ transaction_ids: ids }, { ids, customer_refund_id: input.customer_refund_id })
  },
  async (data, { container }) => {
    if (!data?.ids.length) {
      return
    }
    if ((await settlePayout(container, data.customer_refund_id)) === "not_moved") {
      await storeCreditModule(container)!.deleteTransactions(data.ids)
    }
  }
)
