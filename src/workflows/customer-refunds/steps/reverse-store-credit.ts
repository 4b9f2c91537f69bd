import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AccountingError } from "../../../modules/accounting/errors"
import { storeCreditModule } from "../../../lib/store-credit"
import { payoutTransactions } from "../payout/evidence"

export const reverseStoreCreditStepId = "reverse-customer-refund-store-credit"

/**
 * Before a refund that moved store credit is voided, the money comes back:
 * store credit it granted is debited again (refused with STORE_CREDIT_SPENT
 * once the customer spent it), store credit it paid out is credited back.
 * Compensation deletes these transactions.
 */
export const reverseStoreCreditStep = createStep(
  reverseStoreCreditStepId,
  async (input: { id: string; number?: string | null }, { container }) => {
    const paid = await payoutTransactions(container, input.id)
    const storeCredit = storeCreditModule(container)
    if (!paid.length || !storeCredit) {
      return new StepResponse([] as string[], [] as string[])
    }
    const back = { note: `Void of refund ${input.number ?? input.id}`, reference: "customer_refund_void", reference_id: input.id }
    const granted = paid.filter((t) => t.type === "credit")
    const accounts = new Map(
      (await storeCredit.listStoreCreditAccounts({ id: granted.map((t) => t.account_id) })).map((a) => [a.id, a])
    )
    for (const t of granted) {
      const balance = MathBN.convert(accounts.get(t.account_id)?.balance ?? 0)
      if (MathBN.lt(balance, t.raw_amount ?? t.amount)) {
        throw new AccountingError(
          "STORE_CREDIT_SPENT",
          `The customer has spent part of the store credit this refund granted (balance ${balance.toString()}); it cannot be taken back, so the refund cannot be voided`
        )
      }
    }
    const ids: string[] = []
    if (granted.length) {
      const debits = await storeCredit.debitAccounts(
        granted.map((t) => ({ account_id: t.account_id, amount: t.raw_amount ?? t.amount, ...back }))
      )
      ids.push(...debits.map((t) => t.id))
    }
    const drawn = paid.filter((t) => t.type === "debit")
    if (drawn.length) {
      const credits = await storeCredit.creditAccounts(
        drawn.map((t) => ({ account_id: t.account_id, amount: t.raw_amount ?? t.amount, ...back }))
      )
      ids.push(...credits.map((t) => t.id))
    }
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await storeCreditModule(container)!.deleteTransactions(ids)
    }
  }
)
