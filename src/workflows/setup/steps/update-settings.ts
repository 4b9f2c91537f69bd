import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type AccountingModuleService from "../../../modules/accounting/service"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type { SettingsUpdate } from "../../../modules/accounting/ledger/settings"
import type { ReasonCodeList } from "../../../modules/accounting/rules/reason-codes"

export const updateAccountingSettingsStepId = "update-accounting-settings"

/** Settings back to how they were: the previous values of what the update touched. */
function restoreFrom(
  before: Awaited<ReturnType<AccountingModuleService["getSettings"]>>,
  update: SettingsUpdate
): SettingsUpdate {
  // Read by the types an update names (validated document types).
  const reasonCodes: Partial<Record<string, ReasonCodeList>> = before.reason_codes
  const approvals: Partial<Record<string, Record<string, string>>> = before.approvals
  const ids = (m: Record<string, { id: string }>, keys: string[]) =>
    Object.fromEntries(keys.map((k) => [k, m[k]?.id ?? null])) as Record<string, any>
  return {
    role_accounts: update.role_accounts && ids(before.role_accounts, Object.keys(update.role_accounts)),
    method_accounts:
      update.method_accounts && ids(before.method_accounts, Object.keys(update.method_accounts)),
    provider_accounts:
      update.provider_accounts && ids(before.provider_accounts, Object.keys(update.provider_accounts)),
    payment_terms: update.payment_terms && before.payment_terms,
    aging_buckets: update.aging_buckets && before.aging_buckets,
    auto_credit_memo_on_return:
      update.auto_credit_memo_on_return !== undefined ? before.auto_credit_memo_on_return : undefined,
    posting: update.posting && before.posting,
    // The whole list of each type touched (restoring re-adds nothing dropped: drops are refused).
    reason_codes:
      update.reason_codes &&
      Object.fromEntries(Object.keys(update.reason_codes).map((t) => [t, reasonCodes[t]])),
    approvals:
      update.approvals &&
      Object.fromEntries(Object.keys(update.approvals).map((t) => [t, approvals[t] ?? null])),
    // Sequence counters only move forward; prefix/padding are restored.
    sequences: update.sequences?.map((s) => {
      const b = before.sequences.find((x) => x.type === s.type)
      return { type: s.type, prefix: b?.prefix, padding: b?.padding }
    }),
  }
}

export const updateAccountingSettingsStep = createStep(
  updateAccountingSettingsStepId,
  async (input: { update: SettingsUpdate } & Actor, { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const before = await accounting.getSettings()
    const settings = await accounting.updateSettings(input.update, {
      actor_id: input.actor_id,
      origin: input.origin,
    })
    return new StepResponse(settings, restoreFrom(before, input.update))
  },
  async (restore, { container }) => {
    if (restore) {
      await container
        .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
        .updateSettings(restore, { origin: "compensation" })
    }
  }
)
