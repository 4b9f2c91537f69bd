import type { ExecArgs } from "@medusajs/framework/types"
import { ACCOUNTING_MODULE, AccountingModuleService } from "medusa-accounting-ar/modules/accounting"
import { createAccountsWorkflow, updateAccountingSettingsWorkflow } from "medusa-accounting-ar/workflows"

/**
 * Adds a "paypal" refund method paid out of a PayPal balance account.
 * Run once: npx medusa exec ./src/scripts/add-paypal-refund-method.ts
 */
export default async function addPaypalRefundMethod({ container }: ExecArgs) {
  const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  let [account] = await accounting.listAccountingAccounts({ code: "1030" })
  if (!account) {
    const { result } = await createAccountsWorkflow(container).run({
      input: { accounts: [{ code: "1030", name: "PayPal balance", type: "asset" }] },
    })
    account = result[0]
  }
  // A method is a name mapped to the account that pays it out.
  await updateAccountingSettingsWorkflow(container).run({
    input: { update: { method_accounts: { paypal: account.id } }, origin: "script" },
  })
}
